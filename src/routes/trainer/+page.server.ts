import { builtinTracks } from '$lib/server/tracks';

/** The curriculum's tracks, so that a cohort can be given one in a click. */
export function load() {
	return { tracks: builtinTracks };
}
