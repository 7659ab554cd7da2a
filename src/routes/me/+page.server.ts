import { builtinScenarios } from '$lib/server/scenarios';

/** Titles only: this page lists attempts, it does not play them. */
export function load() {
	return { titles: Object.fromEntries(builtinScenarios.map((s) => [s.id, s.meta.title])) };
}
