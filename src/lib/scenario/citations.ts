/** What each citation in a scenario refers to, for the debrief's "what the law says". */
import type { Citation, Text } from './schema';

export const CITATION_TEXT: Record<Citation, { title: Text; text: Text }> = {
	'afl-16': {
		title: { zh: '《反电信网络诈骗法》第十六条', en: 'Anti-Telecom and Online Fraud Law, Art. 16' },
		text: {
			zh: '开立银行账户时发现风险的，银行可以加强核查或者拒绝开户。',
			en: 'Where a bank finds risk when an account is opened, it may strengthen its checks or refuse to open it.'
		}
	},
	'afl-17': {
		title: { zh: '《反电信网络诈骗法》第十七条', en: 'Anti-Telecom and Online Fraud Law, Art. 17' },
		text: {
			zh: '银行应当对企业开户实施风险防控。',
			en: 'Banks apply risk controls when companies open accounts.'
		}
	},
	'afl-18': {
		title: { zh: '《反电信网络诈骗法》第十八条', en: 'Anti-Telecom and Online Fraud Law, Art. 18' },
		text: {
			zh: '银行应当对异常账户和可疑交易进行监测；对可疑交易，根据风险情况，采取核实交易情况、重新核验身份、延迟支付结算、限制或者中止有关业务等必要的防范措施。这是银行自己的职权：对本行出现诈骗特征的账户，可以自行判断采取限制措施，并应当报告。',
			en: 'Banks must monitor abnormal accounts and suspicious transactions, and for a suspicious one take, according to the risk, the measures needed: verify the transaction, re-verify identity, delay settlement, restrict or suspend the business. This is the bank\'s own power: it may restrict its own accounts that show fraud patterns on its own judgement, and must report them.'
		}
	},
	'afl-20': {
		title: { zh: '《反电信网络诈骗法》第二十条', en: 'Anti-Telecom and Online Fraud Law, Art. 20' },
		text: {
			zh: '国务院公安部门会同有关部门建立完善紧急止付、快速冻结、及时解冻和资金返还制度。“公安机关依法决定采取上述措施的，银行业金融机构……应当予以配合。”对他行的涉案账户，止付、冻结由公安机关依法决定，银行配合执行。',
			en: 'The State Council\'s police department, with others, sets up emergency stop-payment, rapid freezing, timely unfreezing and the return of funds. "Where public security organs decide on these measures according to law, banks … shall cooperate." For an account at another bank, stopping or freezing it is decided by the police, and banks carry it out.'
		}
	},
	'afl-30': {
		title: { zh: '《反电信网络诈骗法》第三十条', en: 'Anti-Telecom and Online Fraud Law, Art. 30' },
		text: {
			zh: '金融机构应当在业务活动中对客户进行防范电信网络诈骗的宣传提示。',
			en: 'Institutions must warn customers about fraud in the course of their business.'
		}
	},
	'afl-31': {
		title: { zh: '《反电信网络诈骗法》第三十一条', en: 'Anti-Telecom and Online Fraud Law, Art. 31' },
		text: {
			zh: '任何单位和个人不得非法办理、出租、出售、购买和囤积电话卡、物联网卡、电信线路、短信端口、银行账户、支付账户、数字人民币钱包等（“两卡”）。有上述行为的，可以被记入信用记录，暂停其非柜面业务、暂停新开户，并可限制其入网。',
			en: 'No one may illegally open, rent out, lend, sell, buy or hoard phone cards, bank or payment accounts (the "two cards"). Those who do can be put on the credit record, have their non-counter services and new accounts suspended, and their network access limited.'
		}
	},
	'afl-32': {
		title: { zh: '《反电信网络诈骗法》第三十二条', en: 'Anti-Telecom and Online Fraud Law, Art. 32' },
		text: {
			zh: '银行对客户采取限制措施的，应当告知客户原因和申诉渠道。',
			en: 'Where a bank restricts a customer, it must tell them why and how to appeal.'
		}
	},
	'afl-34': {
		title: { zh: '《反电信网络诈骗法》第三十四条', en: 'Anti-Telecom and Online Fraud Law, Art. 34' },
		text: {
			zh: '银行参与公安机关牵头的预警劝阻工作。',
			en: 'Banks take part in the police-led warning and dissuasion system.'
		}
	},
	'afl-44': {
		title: { zh: '《反电信网络诈骗法》第四十四条', en: 'Anti-Telecom and Online Fraud Law, Art. 44' },
		text: {
			zh: '违反第三十一条第一款的（出售、出租账户本身即可，不必已经过了赃款），没收违法所得，处违法所得一倍以上十倍以下罚款；没有违法所得或者违法所得不足二万元的，处二十万元以下罚款；情节严重的，并处十五日以下拘留。',
			en: 'Breaching Art. 31 para. 1 (selling or renting the card is enough; it need not have moved stolen money): the gains are forfeited, with a fine of one to ten times the gains; where there are no gains or less than ¥20,000, a fine of up to ¥200,000; where serious, also up to 15 days\' detention.'
		}
	},
	'cl-287-2': {
		title: { zh: '《刑法》第二百八十七条之二（帮信罪）', en: 'Criminal Law, Art. 287-2 (helping online crime)' },
		text: {
			zh: '明知他人利用信息网络实施犯罪，为其提供支付结算等帮助（如提供银行卡、账户），情节严重的，处三年以下有期徒刑。准备好应对银行询问的说辞，可被认定为“明知”。',
			en: 'Knowingly helping online crime, e.g. by supplying bank cards or accounts, is punishable by up to three years in prison when serious. A cover story prepared for the bank\'s questions can be taken as proof of knowing.'
		}
	},
	'control-callback': {
		title: { zh: '财务内控：独立回拨核实', en: 'Payment control: call back independently' },
		text: {
			zh: '任何付款指令或收款账户变更，都要通过原有渠道以外的方式核实：拨打事先登记的电话或当面确认。在同一个聊天或邮件里回复确认，证明不了任何事。',
			en: 'Confirm any payment instruction or change of bank details outside the channel it came in, on a number already on file or in person. A reply in the same chat or e-mail proves nothing.'
		}
	},
	'control-dual-approval': {
		title: { zh: '财务内控：双人复核', en: 'Payment control: dual approval' },
		text: {
			zh: '制单、复核分离，两个U盾；没有“手续后补”的例外，也不能拆分付款规避审批限额。',
			en: 'Maker and checker, two USB keys; no "paperwork later" exception, and no splitting payments to stay under approval limits.'
		}
	},
	'control-vendor-master': {
		title: { zh: '财务内控：供应商主数据', en: 'Payment control: vendor master file' },
		text: {
			zh: '不能仅凭聊天或邮件修改收款账户；核对合同和供应商主数据；对公转个人属于高风险付款。',
			en: 'Never change a payee\'s bank details on a chat or e-mail request alone; check the contract and the vendor master file; company-to-personal payments are high risk.'
		}
	},
	'control-no-chat-orders': {
		title: { zh: '公司制度：不通过聊天软件下达付款指令', en: 'Company policy: no payment orders by chat' },
		text: {
			zh: '不接受QQ、微信下达的付款指令；不在聊天群里发送账户余额。',
			en: 'No payment orders by QQ or WeChat; never share balances in chat groups.'
		}
	},
	'protocol-counter': {
		title: { zh: '柜面劝阻流程', en: 'Counter intervention protocol' },
		text: {
			zh: '发现 → 请到一旁、开放式询问 → 点明骗局 → 以核实为由延缓办理 → 上报网点负责人、拨打110，经客户同意联系家属 → 记录劝阻情况，必要时报送可疑交易报告。不得限制客户人身自由或抢夺手机。',
			en: 'Notice → take the customer aside and ask open questions → name the scam → delay for verification → escalate to the branch manager and 110, and contact family with consent → record the dissuasion and file a suspicious-transaction report where required. Never hold the customer or take their phone.'
		}
	},
	'settlement-40': {
		title: { zh: '《人民币银行结算账户管理办法》第四十条', en: 'Administrative Measures for RMB Bank Settlement Accounts, Art. 40' },
		text: {
			zh: '单位从其银行结算账户向个人银行结算账户支付款项，单笔超过5万元的，应当向其开户银行提供付款依据（如合同、协议等）。柜台上，“请提供付款依据”是第一步。',
			en: 'A payment from a company\'s settlement account to an individual\'s of more than ¥50,000 needs supporting documents (a contract, an agreement) shown to the company\'s bank. At the counter, asking for them comes first.'
		}
	},
	'protocol-proportionate': {
		title: { zh: '风险为本、适度核查', en: 'Risk-based, proportionate checks' },
		text: {
			zh: '客户尽职调查新规（2026年1月1日起施行）要求按风险开展核查；对低风险的常规业务不应过度盘问。',
			en: 'The customer due-diligence rules in force from 1 January 2026 ask for risk-based checks; routine low-risk business should not be over-questioned.'
		}
	}
};
