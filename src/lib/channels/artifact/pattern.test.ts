import { describe, expect, it } from 'vitest';
import { qrCells, qrPath } from './pattern';

describe('qrCells', () => {
	it('draws the three finder squares in the corners and nothing in the fourth', () => {
		const cells = qrCells('e-qr');
		expect(cells).toHaveLength(21);
		for (const [r, c] of [
			[0, 0],
			[0, 14],
			[14, 0]
		] as const)
			expect([cells[r]![c], cells[r + 1]![c + 1], cells[r + 3]![c + 3]]).toEqual([true, false, true]);
	});

	it('is the same for the same id and differs between ids', () => {
		expect(qrPath('e-qr')).toBe(qrPath('e-qr'));
		expect(qrPath('e-qr')).not.toBe(qrPath('e-qr-2'));
	});

	it('is neither blank nor solid away from the finders', () => {
		const body = qrCells('x').flatMap((row, r) => row.filter((_, c) => r > 8 && c > 8));
		const dark = body.filter(Boolean).length;
		expect(dark).toBeGreaterThan(body.length * 0.3);
		expect(dark).toBeLessThan(body.length * 0.7);
	});
});
