/** What the library page shows of a scenario, without its whole story. */
import type { Scenario } from '$lib/scenario/schema';

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
		meta: s.meta,
		hash,
		beats: s.beats.length,
		redFlags: s.clues.filter((c) => c.kind === 'red-flag').length
	};
}
