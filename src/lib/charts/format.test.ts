import { describe, expect, it } from 'vitest';
import { BLACK, INK, WHITE, contrast, dayToUtc, durationTicks, fitText, luminance, percent, score, shortDay, textOn, textWidthEm, wrapText } from './format';

describe('number formats', () => {
	it.each([
		[0, '0%'],
		[1 / 3, '33%'],
		[2 / 3, '67%'],
		[0.005, '1%'],
		[1, '100%'],
		[null, '—']
	])('percent(%s) = %s', (share, expected) => {
		expect(percent(share)).toBe(expected);
	});

	it.each([
		[57.4, '57'],
		[57.5, '58'],
		[0, '0'],
		[null, '—']
	])('score(%s) = %s', (value, expected) => {
		expect(score(value)).toBe(expected);
	});
});

describe('fitText', () => {
	it.each([
		['一直在通话', 10, '一直在通话'],
		['客户一直在和“警官”通话，不肯挂断', 8, '客户一直在和“…'],
		['Always on the phone', 20, 'Always on the phone'],
		['Always on the phone with the caller', 10, 'Always on the ph…']
	])('fitText(%j, %d) = %j', (text, maxEm, expected) => {
		expect(fitText(text, maxEm)).toBe(expected);
		expect(textWidthEm(fitText(text, maxEm))).toBeLessThanOrEqual(maxEm);
	});

	it('counts Chinese characters as one em and Latin letters as about half', () => {
		expect(textWidthEm('安全账户')).toBe(4);
		expect(textWidthEm('abcd')).toBeCloseTo(2.24, 6);
	});
});

describe('colour contrast', () => {
	it.each([
		['#ffffff', 1],
		['#000000', 0],
		['rgb(255, 255, 255)', 1],
		['#808080', 0.2158605]
	])('luminance(%s) = %d', (colour, expected) => {
		expect(luminance(colour)).toBeCloseTo(expected, 6);
	});

	it('rejects what is not a colour', () => {
		expect(() => luminance('red')).toThrow(/not a colour/);
	});

	it.each([
		['#ffffff', INK],
		['#b3261e', WHITE],
		['#0b4f71', WHITE],
		// Neither ink nor white reaches 4.5:1 on this middle red; black does.
		['rgb(217, 104, 95)', BLACK]
	])('text on %s is %s', (fill, expected) => {
		expect(textOn(fill)).toBe(expected);
		expect(contrast(textOn(fill), fill)).toBeGreaterThanOrEqual(4.5);
	});

	it('gives black on white 21:1', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
	});
});

describe('days', () => {
	it.each([
		['2025-03-04', Date.UTC(2025, 2, 4), '3/4'],
		['2025-12-31', Date.UTC(2025, 11, 31), '12/31']
	])('%s', (day, utc, short) => {
		expect(dayToUtc(day)).toBe(utc);
		expect(shortDay(day)).toBe(short);
	});
});

describe('durationTicks', () => {
	it.each([
		[0, 6, [0, 10]],
		[45, 6, [0, 10, 20, 30, 40, 50]],
		[200, 6, [0, 60, 120, 180, 240]],
		[812, 6, [0, 300, 600, 900]],
		[600, 6, [0, 120, 240, 360, 480, 600]],
		[50_000, 6, [0, 10_800, 21_600, 32_400, 43_200, 54_000]]
	])('up to %d s in at most %d steps: %j', (max, count, expected) => {
		const ticks = durationTicks(max, count);
		expect(ticks).toEqual(expected);
		expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
		expect(ticks.length - 1).toBeLessThanOrEqual(count);
	});
});

describe('wrapText', () => {
	it.each([
		['短标题', 10, ['短标题']],
		['老人买房：提前支取定期转入资金监管账户', 10, ['老人买房：提前支取定', '期转入资金监管账户']],
		['先交税才能提现？——提前赎回理财加贷款转账', 8, ['先交税才能提现？', '——提前赎回理…']],
		["The 'chairman' and the QQ management group", 15, ["The 'chairman' and the QQ", 'management group']],
		['Fake police and the safe account', 15, ['Fake police and the safe', 'account']],
		['A supplier sends new bank details by e-mail today', 12, ['A supplier sends new', 'bank details by e-m…']],
		['', 10, []]
	])('wrapText(%j, %d)', (text, maxEm, expected) => {
		const lines = wrapText(text, maxEm);
		expect(lines).toEqual(expected);
		for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(maxEm);
	});
});
