/**
 * The order in which a decision's options are shown. Drawn from the attempt's seed, so resume, the
 * trainer's replay and the check's strategies show exactly what the trainee saw, while two attempts
 * of one scenario see different orders and a newly available option does not always land in the
 * same place. Each option's place comes from a hash of (seed, beat, option), so the options of a
 * beat keep their relative order as others are used up. `pin` keeps an option first or last.
 */
import type { Rules } from './rules';

interface Orderable {
	id: string;
	pin?: 'first' | 'last';
}

/** FNV-1a over the text, then a final avalanche, seeded with the attempt's seed. */
function hash(seed: number, text: string): number {
	let h = (0x811c9dc5 ^ seed) >>> 0;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
	return (h ^ (h >>> 16)) >>> 0;
}

const PIN_RANK = { first: 0, none: 1, last: 2 } as const;

export function orderOptions<T extends Orderable>(options: readonly T[], seed: number, beat: string, rules: Rules): T[] {
	if (rules < 2) return [...options];
	return options
		.map((option) => ({ option, rank: PIN_RANK[option.pin ?? 'none'], key: hash(seed, `${beat}/${option.id}`) }))
		.sort((a, b) => a.rank - b.rank || a.key - b.key || (a.option.id < b.option.id ? -1 : 1))
		.map((o) => o.option);
}
