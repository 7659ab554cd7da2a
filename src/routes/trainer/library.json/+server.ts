import { json } from '@sveltejs/kit';
import { archivedScenarios, builtinHash, builtinScenarios } from '$lib/server/scenarios';
import { scoringFacts } from '$lib/scenario/analyse';

export const prerender = true;

/**
 * Every built-in scenario with its hash and scoring facts, then the archived earlier versions
 * (marked `archived`: they verify and replay old results, and are not offered anywhere else).
 * Fetched by trainer pages only.
 */
export async function GET() {
	const current = builtinScenarios.map(async (scenario) => ({
		scenario,
		hash: await builtinHash(scenario.id),
		scoring: scoringFacts(scenario)
	}));
	const archived = archivedScenarios.map(async ({ scenario, hash }) => ({
		scenario,
		hash: await hash,
		scoring: scoringFacts(scenario),
		archived: true
	}));
	return json(await Promise.all([...current, ...archived]));
}
