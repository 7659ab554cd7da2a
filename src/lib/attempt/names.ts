/** Name pools for seeded cast names: Chinese characters with their pinyin, written as a bank would. */
export const SURNAMES: readonly (readonly [string, string])[] = [
	['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'],
	['赵', 'Zhao'], ['黄', 'Huang'], ['周', 'Zhou'], ['吴', 'Wu'], ['徐', 'Xu'], ['孙', 'Sun'],
	['胡', 'Hu'], ['朱', 'Zhu'], ['高', 'Gao'], ['林', 'Lin'], ['何', 'He'], ['郭', 'Guo'],
	['马', 'Ma'], ['罗', 'Luo'], ['梁', 'Liang'], ['宋', 'Song'], ['郑', 'Zheng'], ['谢', 'Xie']
];

export const GIVEN_NAMES: Record<'f' | 'm', readonly (readonly [string, string])[]> = {
	f: [
		['秀兰', 'Xiulan'], ['桂英', 'Guiying'], ['淑珍', 'Shuzhen'], ['丽华', 'Lihua'], ['美玲', 'Meiling'],
		['静', 'Jing'], ['敏', 'Min'], ['婷', 'Ting'], ['雪梅', 'Xuemei'], ['海燕', 'Haiyan'],
		['玉芬', 'Yufen'], ['晓红', 'Xiaohong'], ['佳怡', 'Jiayi'], ['雨欣', 'Yuxin'], ['凤英', 'Fengying']
	],
	m: [
		['建国', 'Jianguo'], ['志强', 'Zhiqiang'], ['伟', 'Wei'], ['磊', 'Lei'], ['国华', 'Guohua'],
		['德明', 'Deming'], ['海涛', 'Haitao'], ['俊杰', 'Junjie'], ['浩然', 'Haoran'], ['子轩', 'Zixuan'],
		['永康', 'Yongkang'], ['文斌', 'Wenbin'], ['宇航', 'Yuhang'], ['振华', 'Zhenhua'], ['家豪', 'Jiahao']
	]
};

/** First part of company names; the suffix is added by the variable resolver. */
export const COMPANY_WORDS: readonly (readonly [string, string])[] = [
	['华信', 'Huaxin'], ['恒达', 'Hengda'], ['瑞丰', 'Ruifeng'], ['鑫源', 'Xinyuan'], ['宏远', 'Hongyuan'],
	['博通', 'Botong'], ['中联', 'Zhonglian'], ['德盛', 'Desheng'], ['嘉禾', 'Jiahe'], ['永泰', 'Yongtai']
];
export const COMPANY_TRADES: readonly (readonly [string, string])[] = [
	['贸易', 'Trading'], ['机电设备', 'Electromechanical'], ['包装材料', 'Packaging'],
	['物流', 'Logistics'], ['电子科技', 'Electronics'], ['建材', 'Building Materials']
];
