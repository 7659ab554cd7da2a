/** What the library page shows of a scenario, without its whole story. */
import type { Scenario, Text } from '$lib/scenario/schema';

export type CatalogueEntry = Pick<Scenario, 'id' | 'version'> & {
	meta: Scenario['meta'];
	hash: string;
	beats: number;
	redFlags: number;
	/** Imported by a trainer on this PC (not built in): its pages are found from the attempt. */
	imported?: boolean;
};

export function catalogueEntry(s: Scenario, hash: string, imported = false): CatalogueEntry {
	return {
		...(imported ? { imported } : {}),
		id: s.id,
		version: s.version,
		// Provenance is for trainers (the debrief and the trainer's pages): not the library's to ship.
		meta: { ...s.meta, provenance: undefined },
		hash,
		beats: s.beats.length,
		redFlags: s.clues.filter((c) => c.kind === 'red-flag').length
	};
}

/**
 * The cards of the library: the built-in scenarios, then the imported ones — one card per imported
 * id, its latest version (earlier versions are the same scenario; their attempts still count), and
 * none for a stored document that takes a built-in id (the import refuses that now; a row from
 * before, or from a crafted backup, must not pass for an official update).
 */
export function libraryCards(builtin: readonly CatalogueEntry[], imported: readonly CatalogueEntry[]): CatalogueEntry[] {
	const builtinIds = new Set(builtin.map((e) => e.id));
	const latest = new Map<string, CatalogueEntry>();
	for (const e of imported) {
		if (builtinIds.has(e.id)) continue;
		const known = latest.get(e.id);
		if (!known || e.version > known.version) latest.set(e.id, e);
	}
	return [...builtin, ...latest.values()];
}

const UNNAMED: Record<Scenario['meta']['audience'], Text> = {
	teller: { zh: '柜面：一位客户来办业务', en: 'At the counter: a customer is waiting' },
	accountant: { zh: '财务室：一笔付款的事', en: 'Finance office: a matter of a payment' },
	both: { zh: '工作中的一件事', en: 'Something at work' }
};

/**
 * What a trainee may know before and during an assessment: the neutral situation, never the title,
 * the scam type or the summary, which say what the scenario is. A document without a situation
 * (an older import) gets a neutral line by audience.
 */
export function situationOf(meta: Scenario['meta']): { title: Text; summary: Text } {
	return (
		meta.situation ?? {
			title: UNNAMED[meta.audience],
			summary: { zh: '开始后你会看到现场的情况。', en: 'You will see what is in front of you when you start.' }
		}
	);
}
