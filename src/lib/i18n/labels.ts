/** Names of scenario categories, in both languages. */
import type { ScamType, Text } from '$lib/scenario/schema';

export const SCAM_TYPE_LABEL: Record<ScamType, Text> = {
	'fake-police': { zh: '冒充公检法', en: 'Fake police' },
	investment: { zh: '虚假投资理财', en: 'Investment scam' },
	'fake-customer-service': { zh: '冒充电商物流客服', en: 'Fake customer service' },
	'otp-takeover': { zh: '验证码 / 屏幕共享', en: 'Code and screen-share takeover' },
	'mule-account': { zh: '两卡 / 帮信', en: 'Mule accounts' },
	'stop-payment': { zh: '已转账：止付与冻结', en: 'Already paid: stop-payment' },
	'boss-impersonation': { zh: '冒充领导', en: 'Boss impersonation' },
	'supplier-fraud': { zh: '冒充供应商', en: 'Supplier fraud' },
	'task-scam': { zh: '刷单返利', en: 'Task / click-farming scam' },
	'fake-loan': { zh: '虚假贷款', en: 'Fake loan' },
	'fake-acquaintance': { zh: '冒充熟人、亲属', en: 'Fake acquaintance or relative' },
	'elderly-targeted': { zh: '养老诈骗', en: 'Scams targeting the elderly' },
	'fake-credit-record': { zh: '虚假征信 / 注销校园贷', en: 'Fake credit record' },
	'romance-extortion': { zh: '网络交友 / 裸聊敲诈', en: 'Romance and sextortion' },
	'fake-tax-bureau': { zh: '冒充税务机关', en: 'Fake tax bureau' },
	'fake-bank-notice': { zh: '冒充银行通知（对公账户年检等）', en: 'Fake bank notice' },
	'payroll-diversion': { zh: '代发工资账户变更', en: 'Payroll diversion' },
	legitimate: { zh: '正常业务（真实客户）', en: 'Honest customer' }
};

/** Names for ids (scenario titles, red-flag labels) as charts, exports and the practise panel show them. */
export interface ChartLabels {
	/** Scenario id → title. */
	scenarios: Record<string, Text>;
	/** Clue id → label (a clue id used by two scenarios takes the first one's label, by scenario id). */
	clues: Record<string, Text>;
}

/** A label, or the id itself when none is known. */
export function labelOf(labels: Record<string, Text>, id: string): Text {
	return labels[id] ?? { zh: id, en: id };
}
