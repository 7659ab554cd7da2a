/**
 * The scenarios a trainer's pages know: the built-in ones (one prerendered JSON file, fetched on
 * trainer pages only) and those imported from backups into this PC's database.
 */
import { asset } from '$app/paths';
import type { ScoringFacts } from '$lib/scenario/analyse';
import type { Scenario } from '$lib/scenario/schema';
import { checkedScenario } from '$lib/play/imported';
import { getStore } from '$lib/storage';

export interface KnownScenario {
	scenario: Scenario;
	hash: string;
	scoring: ScoringFacts;
	/** Imported by a trainer on this PC (not built in). */
	imported?: boolean;
	/** An earlier version of a built-in scenario: for verifying and replaying old results only. */
	archived?: boolean;
}

let builtin: Promise<KnownScenario[]> | null = null;
const imported = new Map<string, KnownScenario>();

function loadBuiltin(): Promise<KnownScenario[]> {
	builtin ??= fetch(asset('/trainer/library.json')).then((r) => {
		if (!r.ok) throw new Error(`The scenario library could not be loaded (${r.status}).`);
		return r.json() as Promise<KnownScenario[]>;
	});
	return builtin;
}

/**
 * Built-in scenarios and those imported on this PC. Stored documents are validated again when read
 * (a row from an older version or a restored backup is input like any other; its graph is explored
 * only when its scoring facts are not kept yet); one that fails is left out.
 */
export async function loadLibrary(): Promise<KnownScenario[]> {
	const rows = await (await getStore()).listScenarios();
	for (const row of rows) {
		const key = `${row.id}@${row.version}@${row.hash}`;
		if (imported.has(key)) continue;
		const checked = await checkedScenario(row);
		if (!('problem' in checked)) imported.set(key, { ...checked, imported: true });
	}
	const builtinScenarios = await loadBuiltin();
	// Listed once: the latest imported version of each id. Earlier versions, and any stored document
	// that takes a built-in id (refused by the import now), serve only to verify and replay attempts.
	const builtinIds = new Set(builtinScenarios.map((k) => k.scenario.id));
	const latest = new Map<string, number>();
	for (const k of imported.values())
		latest.set(k.scenario.id, Math.max(latest.get(k.scenario.id) ?? 0, k.scenario.version));
	const own = [...imported.values()].map((k) =>
		builtinIds.has(k.scenario.id) || latest.get(k.scenario.id) !== k.scenario.version ? { ...k, archived: true } : k
	);
	return [...builtinScenarios, ...own];
}

/** The scenarios to list and report on: the archived versions left out (their attempts still count). */
export function current(known: readonly KnownScenario[]): Scenario[] {
	return known.filter((k) => !k.archived).map((k) => k.scenario);
}

export function byId(known: KnownScenario[]) {
	return new Map(known.map((k) => [k.scenario.id, k]));
}
