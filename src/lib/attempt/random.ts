/** A small seeded generator (mulberry32): the same seed gives the same surface details. */
export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max]. */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick: <T>(items: readonly T[]) => {
			if (items.length === 0) throw new Error('pick from an empty list');
			return items[int(0, items.length - 1)]!;
		}
	};
}

/** A fresh seed for a new attempt (not reproducible on purpose). */
export function newSeed(): number {
	const buf = new Uint32Array(1);
	crypto.getRandomValues(buf);
	return buf[0]!;
}
