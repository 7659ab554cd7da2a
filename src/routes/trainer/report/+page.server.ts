import { builtinTracks } from '$lib/server/tracks';

/** The curriculum's tracks: what each scenario trains, for the practise-next suggestions. */
export function load() {
	return { tracks: builtinTracks };
}
