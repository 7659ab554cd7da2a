/**
 * A scenario a trainer imported on this PC, found from an attempt played on it: read from the
 * database, validated again (a stored document is input like any other), and with its scoring
 * facts, worked out once and kept (exploring a scenario's graph takes seconds). The validator and
 * the graph check are loaded here, on demand, never with a page.
 */
import { catalogueEntry, type CatalogueEntry } from '$lib/library/catalogue';
import type { ScoringFacts } from '$lib/scenario/analyse';
import type { Scenario } from '$lib/scenario/schema';
import { getStore } from '$lib/storage';
import type { ScenarioRow } from '$lib/storage/db';

export interface ImportedScenario {
	scenario: Scenario;
	scoring: ScoringFacts;
	hash: string;
}

export type ImportedProblem =
	| { problem: 'no-attempt' }
	| { problem: 'no-scenario'; id: string; version: number }
	| { problem: 'invalid'; detail: string };

/** The document of a stored row, checked; with the row's scoring facts, or new ones (then kept). */
export async function checkedScenario(row: ScenarioRow): Promise<ImportedScenario | ImportedProblem> {
	const { validateScenario, formatProblem } = await import('$lib/scenario/validate');
	const validation = validateScenario(row.doc);
	if (!validation.ok) return { problem: 'invalid', detail: validation.problems.map(formatProblem).join('; ') };
	let scoring = row.facts;
	if (!scoring) {
		const { analyseScenario, factsOf } = await import('$lib/scenario/analyse');
		const analysis = analyseScenario(validation.scenario);
		if (analysis.problems.length) return { problem: 'invalid', detail: analysis.problems.map(formatProblem).join('; ') };
		scoring = factsOf(analysis);
		// Kept only to save time next time.
		await (await getStore()).saveScenarioFacts(row.id, row.version, row.hash, scoring).catch(() => undefined);
	}
	return { scenario: validation.scenario, scoring, hash: row.hash };
}

/** The imported scenario an attempt names: the same id, version and content. */
export async function importedScenarioOf(attemptId: string): Promise<ImportedScenario | ImportedProblem> {
	const store = await getStore();
	const stored = await store.loadAttempt(attemptId);
	if (!stored) return { problem: 'no-attempt' };
	const { scenarioId: id, scenarioVersion: version, scenarioHash } = stored.attempt;
	const row = await store.getScenario(id, version);
	if (!row || row.hash !== scenarioHash) return { problem: 'no-scenario', id, version };
	return checkedScenario(row);
}

/**
 * The library entries of the scenarios imported on this PC (none loads the validator). A stored
 * document that no longer passes validation is left out.
 */
export async function importedCatalogue(): Promise<CatalogueEntry[]> {
	const rows = await (await getStore()).listScenarios();
	if (!rows.length) return [];
	const { validateScenario } = await import('$lib/scenario/validate');
	return rows.flatMap((row) => {
		const validation = validateScenario(row.doc);
		return validation.ok ? [catalogueEntry(validation.scenario, row.hash, true)] : [];
	});
}

/** Whether an attempt was played on one of these imported scenarios (its pages are then /imported/…). */
export function onImported(entries: readonly CatalogueEntry[], attempt: { scenarioId: string; scenarioVersion: number }) {
	return entries.some((e) => e.imported && e.id === attempt.scenarioId && e.version === attempt.scenarioVersion);
}
