/**
 * Drawn, not scannable: a QR-code-like pattern made from a detail's id, so that a "scan to claim
 * your refund" picture looks like one without encoding anything a phone could follow.
 */

const SIZE = 21;

/** FNV-1a over the string: the same id gives the same pattern in every attempt and every browser. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A 21 × 21 grid of dark cells: three finder squares in the corners, the rest drawn from the seed. */
export function qrCells(seed: string): boolean[][] {
	let state = hash(seed) || 1;
	const next = () => {
		// xorshift32
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 0x100000000;
	};
	const finder = (r: number, c: number) => {
		for (const [r0, c0] of [
			[0, 0],
			[0, SIZE - 7],
			[SIZE - 7, 0]
		] as const) {
			const y = r - r0;
			const x = c - c0;
			if (y >= -1 && y <= 7 && x >= -1 && x <= 7) {
				if (y < 0 || y > 6 || x < 0 || x > 6) return false; // the light ring around a finder
				const ring = Math.min(y, x, 6 - y, 6 - x);
				return ring !== 1;
			}
		}
		return null;
	};
	return Array.from({ length: SIZE }, (_, r) =>
		Array.from({ length: SIZE }, (_, c) => finder(r, c) ?? (r === 6 || c === 6 ? (r + c) % 2 === 0 : next() < 0.5))
	);
}

/** The dark cells as one SVG path (one square per cell), for a `viewBox="0 0 21 21"`. */
export function qrPath(seed: string): string {
	const parts: string[] = [];
	qrCells(seed).forEach((row, r) => row.forEach((dark, c) => dark && parts.push(`M${c} ${r}h1v1h-1z`)));
	return parts.join('');
}
