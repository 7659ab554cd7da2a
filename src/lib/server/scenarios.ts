/**
 * The built-in scenarios, read and validated at build time (pages are prerendered, so this runs
 * only during the build). A document that fails validation fails the build.
 */
import { parseScenario } from '$lib/scenario/validate';
import type { Scenario } from '$lib/scenario/schema';
import { contentHash } from '$lib/scenario/hash';

const documents = import.meta.glob<unknown>('/scenarios/*.json', { eager: true, import: 'default' });

export const builtinScenarios: Scenario[] = Object.entries(documents)
	.map(([path, doc]) => parseScenario(doc, path))
	.sort((a, b) => a.id.localeCompare(b.id));

export function builtinScenario(id: string): Scenario | undefined {
	return builtinScenarios.find((s) => s.id === id);
}

export async function builtinHash(id: string): Promise<string> {
	return contentHash(documents[`/scenarios/${id}.json`]);
}
