/**
 * The curriculum's tracks for the library page, read and validated at build time (an invalid file
 * fails the build). Steps whose scenario this build does not have are left out of the page; the
 * scenario check reports them.
 */
import { libraryTracks, tracksSchema, type LibraryTrack } from '$lib/library/tracks';
import { builtinScenarios } from './scenarios';

const files = import.meta.glob<unknown>('/scenarios/curriculum/tracks.json', { eager: true, import: 'default' });

function load(): LibraryTrack[] {
	const doc = files['/scenarios/curriculum/tracks.json'];
	if (!doc) return [];
	const parsed = tracksSchema.safeParse(doc);
	if (!parsed.success)
		throw new Error(
			`scenarios/curriculum/tracks.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
		);
	return libraryTracks(parsed.data, new Set(builtinScenarios.map((s) => s.id)));
}

export const builtinTracks: LibraryTrack[] = load();
