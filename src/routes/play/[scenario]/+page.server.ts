import { error } from '@sveltejs/kit';
import { builtinHash, builtinScenario, builtinScenarios } from '$lib/server/scenarios';
import { scoringFacts } from '$lib/scenario/analyse';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => builtinScenarios.map((s) => ({ scenario: s.id }));

export async function load({ params }) {
	const scenario = builtinScenario(params.scenario);
	if (!scenario) error(404, `No scenario "${params.scenario}"`);
	return { scenario, hash: await builtinHash(scenario.id), scoring: scoringFacts(scenario) };
}
