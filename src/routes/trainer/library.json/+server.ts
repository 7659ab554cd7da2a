import { json } from '@sveltejs/kit';
import { builtinHash, builtinScenarios } from '$lib/server/scenarios';
import { scoringFacts } from '$lib/scenario/analyse';

export const prerender = true;

/** Every built-in scenario with its hash and scoring facts: fetched by trainer pages only. */
export async function GET() {
	return json(
		await Promise.all(
			builtinScenarios.map(async (scenario) => ({
				scenario,
				hash: await builtinHash(scenario.id),
				scoring: scoringFacts(scenario)
			}))
		)
	);
}
