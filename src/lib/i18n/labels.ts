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
	legitimate: { zh: '正常业务（真实客户）', en: 'Honest customer' }
};
