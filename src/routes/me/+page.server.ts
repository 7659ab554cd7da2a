import { builtinScenarios } from '$lib/server/scenarios';
import { builtinTracks } from '$lib/server/tracks';

/** Titles only: this page lists attempts, it does not play them; the tracks say what each scenario trains. */
export function load() {
	return {
		titles: Object.fromEntries(builtinScenarios.map((s) => [s.id, s.meta.title])),
		tracks: builtinTracks.map((track) => ({
			steps: track.steps.map((step) => ({ scenario: step.scenario, competencies: step.competencies }))
		}))
	};
}
