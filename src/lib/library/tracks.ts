/**
 * The curriculum: tracks for tellers and for accountants (`scenarios/curriculum/tracks.json`), each
 * an ordered list of scenarios from introductory to advanced with what each one trains. Validated
 * by the build (a bad file fails it) and by `npm run scenarios:check`, which also reports an entry
 * whose scenario file is missing. The library page gets the result as plain data (`LibraryTrack`),
 * never this module's validator.
 *
 * What a step "trains" is shown to trainees before they play, assessment included: it names skills
 * and the signs to weigh, never whether the customer is honest or which scam it is (the same
 * rule as a scenario's `situation`).
 */
import { z } from 'zod';
import type { Scenario, Text } from '../scenario/schema';
import { COMPETENCIES, type Competency } from '../scenario/vocabulary';

export const TRACK_LEVELS = ['introductory', 'core', 'advanced'] as const;
export type TrackLevel = (typeof TRACK_LEVELS)[number];

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens');
const text = z.strictObject({ zh: z.string().trim().min(1, 'is empty'), en: z.string().trim().min(1, 'is empty') });

const step = z.strictObject({
	scenario: id,
	level: z.enum(TRACK_LEVELS),
	/** What the scenario trains: a sentence of skills. */
	skills: text,
	competencies: z.array(z.enum(COMPETENCIES)).min(1, 'name at least one competency'),
	/**
	 * The observable signs the scenario trains the trainee to notice and weigh (red flags; with an
	 * honest customer, the signs that look alarming and turn out to be explained).
	 */
	redFlags: z.array(text).min(1, 'name at least one sign the scenario trains'),
	/** Whether a trainer may skip it (the track still makes sense without it). */
	optional: z.boolean().default(false)
});

const track = z.strictObject({
	id,
	audience: z.enum(['teller', 'accountant']),
	title: text,
	summary: text,
	steps: z.array(step).min(1, 'needs at least one scenario')
});

export const tracksSchema = z.strictObject({
	$comment: z.string().optional(),
	version: z.literal(1),
	tracks: z.array(track).min(1, 'needs at least one track')
});
export type Tracks = z.output<typeof tracksSchema>;
export type Track = Tracks['tracks'][number];
export type TrackStep = Track['steps'][number];

/** A track as the library shows it: only the steps whose scenario this build has. */
export interface LibraryTrack {
	id: string;
	audience: 'teller' | 'accountant';
	title: Text;
	summary: Text;
	steps: {
		scenario: string;
		level: TrackLevel;
		skills: Text;
		competencies: Competency[];
		redFlags: Text[];
		optional: boolean;
	}[];
}

export interface TracksCheck {
	tracks?: Tracks;
	/** What makes the file wrong whatever the set holds. */
	problems: string[];
	/** Entries whose scenario has no file (yet): a problem of the whole set (`--set`). */
	missing: string[];
}

const where = (path: PropertyKey[]) =>
	path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(the file)';

/**
 * Validates the tracks file against the scenarios at hand: schema, unique ids, the order of levels,
 * each scenario in a track of its audience, and every scenario of the set in some track.
 */
export function checkTracks(raw: string, scenarios: readonly Scenario[], file = 'tracks.json'): TracksCheck {
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch (e) {
		return { problems: [`${file}: not valid JSON (${(e as Error).message})`], missing: [] };
	}
	const parsed = tracksSchema.safeParse(data);
	if (!parsed.success)
		return { problems: parsed.error.issues.map((i) => `${file}: ${where(i.path)}: ${i.message}`), missing: [] };
	const tracks = parsed.data;
	const problems: string[] = [];
	const missing: string[] = [];
	const byId = new Map(scenarios.map((s) => [s.id, s]));
	const seenTracks = new Set<string>();
	for (const t of tracks.tracks) {
		if (seenTracks.has(t.id)) problems.push(`${file}: track "${t.id}" appears twice`);
		seenTracks.add(t.id);
		const seen = new Set<string>();
		let level = 0;
		t.steps.forEach((s, i) => {
			const at = `${file}: track "${t.id}", step ${i + 1} ("${s.scenario}")`;
			if (seen.has(s.scenario)) problems.push(`${at}: the scenario is in this track twice`);
			seen.add(s.scenario);
			const l = TRACK_LEVELS.indexOf(s.level);
			if (l < level)
				problems.push(`${at}: "${s.level}" after "${TRACK_LEVELS[level]}": a track goes from introductory to advanced`);
			level = Math.max(level, l);
			const scenario = byId.get(s.scenario);
			if (!scenario) {
				missing.push(`${at}: there is no scenarios/${s.scenario}.json`);
				return;
			}
			if (scenario.meta.audience !== t.audience && scenario.meta.audience !== 'both')
				problems.push(`${at}: the scenario is for ${scenario.meta.audience}s, the track for ${t.audience}s`);
		});
	}
	for (const s of scenarios)
		if (!tracks.tracks.some((t) => t.steps.some((x) => x.scenario === s.id)))
			problems.push(`${file}: scenario "${s.id}" is in no track: add it where it belongs in the ${s.meta.audience === 'both' ? 'teller or accountant' : s.meta.audience} track`);
	return { tracks, problems, missing };
}

/** The tracks as the library shows them: steps without a scenario in this build left out. */
export function libraryTracks(tracks: Tracks, scenarioIds: ReadonlySet<string>): LibraryTrack[] {
	return tracks.tracks.map((t) => ({
		id: t.id,
		audience: t.audience,
		title: t.title,
		summary: t.summary,
		steps: t.steps.filter((s) => scenarioIds.has(s.scenario))
	}));
}

/** The tracks as `npm run scenarios:check` prints them. */
export function formatTracks(tracks: Tracks, scenarios: readonly Scenario[]): string {
	const ids = new Set(scenarios.map((s) => s.id));
	const lines = ['Curriculum (scenarios/curriculum/tracks.json):'];
	for (const t of tracks.tracks) {
		const present = t.steps.filter((s) => ids.has(s.scenario)).length;
		lines.push(`  ${t.id} (${t.audience}): ${t.title.en} — ${t.steps.length} steps, ${present} present`);
		t.steps.forEach((s, i) =>
			lines.push(
				`    ${String(i + 1).padStart(2)}. ${s.level.padEnd(12)} ${s.scenario.padEnd(34)} ${s.competencies.join(', ')}${ids.has(s.scenario) ? '' : '   (no file yet)'}${s.optional ? '   (optional)' : ''}`
			)
		);
	}
	return lines.join('\n');
}
