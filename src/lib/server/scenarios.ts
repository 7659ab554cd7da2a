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

/**
 * Earlier versions of the built-in scenarios, kept unchanged in `scenarios/archive/<id>@<version>.json`
 * so that results played on them still verify (by id, version and content hash) and are shown as
 * they were scored. They are never offered for play.
 */
const archivedDocuments = import.meta.glob<unknown>('/scenarios/archive/*.json', { eager: true, import: 'default' });

export const archivedScenarios: { scenario: Scenario; hash: Promise<string> }[] = Object.entries(archivedDocuments)
	.map(([path, doc]) => ({ scenario: parseScenario(doc, path), hash: contentHash(doc) }))
	.sort((a, b) => a.scenario.id.localeCompare(b.scenario.id) || a.scenario.version - b.scenario.version);
