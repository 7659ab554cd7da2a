import { describe, expect, it } from 'vitest';
import { isDebit, splitRow } from './rows';

describe('splitRow', () => {
	it.each([
		['贷款放款\u3000+5万元\u3000某消费金融有限公司', { description: '贷款放款', amount: '+5万元', other: '某消费金融有限公司' }],
		[
			'Mobile transfer out −10,000.00 · Zhang San · memo: deposit',
			{ description: 'Mobile transfer out', amount: '−10,000.00', other: 'Zhang San · memo: deposit' }
		],
		['手机银行转出\u3000-10,000.00\u3000张三\u3000附言：入金', { description: '手机银行转出', amount: '-10,000.00', other: '张三 · 附言：入金' }],
		['Loan paid in +¥50,000 · a consumer-finance company', { description: 'Loan paid in', amount: '+¥50,000', other: 'a consumer-finance company' }],
		[
			'JC2025-0733 · Suzhou Jingcheng Mould · ICBC 6222 0000 1111 · ¥440,000',
			{ description: 'JC2025-0733', amount: '¥440,000', other: 'Suzhou Jingcheng Mould · ICBC 6222 0000 1111' }
		],
		['Quick payment −¥3,000', { description: 'Quick payment', amount: '−¥3,000', other: '' }],
		// No separators: the whole text is the description, amounts inside it stay where they are.
		['养老金入账 4,862.00元；当天或次日柜面取现2,000.00元左右', { description: '养老金入账 4,862.00元；当天或次日柜面取现2,000.00元左右', amount: '', other: '' }],
		['Incoming, from Li Si', { description: 'Incoming, from Li Si', amount: '', other: '' }]
	])('%s', (text, cells) => {
		expect(splitRow(text)).toEqual(cells);
	});
});

describe('isDebit', () => {
	it.each([
		['-10,000.00', true],
		['−¥3,000', true],
		['+5万元', false],
		['¥440,000', false]
	])('%s → %s', (amount, debit) => {
		expect(isDebit(amount)).toBe(debit);
	});
});
