import mini from '../fixtures/mini.json';
import { parseScenario } from '$lib/scenario/validate';
import type { Scenario } from '$lib/scenario/schema';

/** A fresh, mutable copy of the small test scenario as an author would write it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function miniDoc(): any {
	return structuredClone(mini);
}

export function miniScenario(edit?: (doc: ReturnType<typeof miniDoc>) => void): Scenario {
	const doc = miniDoc();
	edit?.(doc);
	return parseScenario(doc, 'mini.json');
}
