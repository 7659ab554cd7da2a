import { builtinHash, builtinScenarios } from '$lib/server/scenarios';
import { builtinTracks } from '$lib/server/tracks';
import { catalogueEntry } from '$lib/library/catalogue';

export async function load() {
	return {
		catalogue: await Promise.all(builtinScenarios.map(async (s) => catalogueEntry(s, await builtinHash(s.id)))),
		tracks: builtinTracks
	};
}
