/**
 * The scenarios a trainer's pages know: the built-in ones (one prerendered JSON file, fetched on
 * trainer pages only) and those imported from backups into this PC's database.
 */
import { asset } from '$app/paths';
import type { ScoringFacts } from '$lib/scenario/analyse';
import type { Scenario } from '$lib/scenario/schema';
import { scenarioResolver, type ScenarioResolver } from '$lib/results';

export interface KnownScenario {
	scenario: Scenario;
	hash: string;
	scoring: ScoringFacts;
}

let library: Promise<KnownScenario[]> | null = null;

export function loadLibrary(): Promise<KnownScenario[]> {
	library ??= fetch(asset('/trainer/library.json')).then((r) => {
		if (!r.ok) throw new Error(`The scenario library could not be loaded (${r.status}).`);
		return r.json() as Promise<KnownScenario[]>;
	});
	return library;
}

export async function libraryResolver(): Promise<ScenarioResolver> {
	return scenarioResolver(await loadLibrary());
}

export function byId(known: KnownScenario[]) {
	return new Map(known.map((k) => [k.scenario.id, k]));
}
