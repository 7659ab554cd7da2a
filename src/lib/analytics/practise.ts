/**
 * What each trainee should practise next: the competencies they score lowest in, the kinds of red
 * flags they miss most, and up to three scenarios that train exactly those, preferring scenarios
 * they have not passed yet. Pure functions of attempt records and the scenario catalogue.
 *
 * Definitions (the help text on the pages says the same):
 * - A trainee's standing in a scenario is their latest finished attempt there: a trainee who has
 *   retried and improved is judged on where they are now, not on their first try.
 * - A competency is weak when its mean over those attempts (where the scenario assesses it) is
 *   below `WEAK_BELOW` per cent, the default pass mark.
 * - A red flag's "kind" is the scam it belongs to (the scam type of its scenario): missing the
 *   signs of fake police is a different gap from missing those of an investment scam. A kind is
 *   missed often when the trainee left at least `MISSED_AT_LEAST` of its red flags unmarked.
 * - A scenario trains a competency when its curriculum step names it (`tracks.json`), or, for a
 *   scenario in no track, when its choices score it; it trains a kind of red flag when its scam
 *   type is that kind. Scenarios for another audience than the trainee's (teller / accountant,
 *   judged from what they played) are not suggested.
 */
import { COMPETENCIES, type Competency, type ScamType } from '../scenario/vocabulary';
import type { Scenario } from '../scenario/schema';
import { selectRecords, type CohortFilter } from './cohort';
import type { AttemptRecord } from './records';

export const WEAK_BELOW = 70;
export const MISSED_AT_LEAST = 0.3;
export const MAX_SUGGESTIONS = 3;

export interface PractiseScenario {
	id: string;
	scamType: ScamType;
	audience: 'teller' | 'accountant' | 'both';
	competencies: readonly Competency[];
	/** Position in the curriculum (first track first), for ties; scenarios in no track come last. */
	order: number;
}

/** A curriculum step as the function needs it (`LibraryTrack` steps and `TrackStep`s fit). */
export interface TrackStepInfo {
	scenario: string;
	competencies: readonly Competency[];
}

/** The competencies a scenario's choices, milestones and red flags score. */
export function scoredCompetencies(scenario: Scenario): Competency[] {
	const found = new Set<Competency>();
	for (const beat of scenario.beats)
		for (const action of beat.actions)
			for (const [k, v] of Object.entries(action.effects.points ?? {})) if (v && v > 0) found.add(k as Competency);
	if (scenario.milestones.length) found.add('timeliness');
	if (scenario.clues.some((c) => c.kind === 'red-flag')) found.add('detect');
	return COMPETENCIES.filter((c) => found.has(c));
}

/** The catalogue the suggestions are drawn from: each scenario, what it trains, its curriculum order. */
export function practiseCatalogue(
	scenarios: readonly Scenario[],
	tracks: readonly { steps: readonly TrackStepInfo[] }[]
): PractiseScenario[] {
	const steps = new Map<string, { competencies: Set<Competency>; order: number }>();
	let order = 0;
	for (const track of tracks)
		for (const step of track.steps) {
			const known = steps.get(step.scenario);
			if (known) for (const c of step.competencies) known.competencies.add(c);
			else steps.set(step.scenario, { competencies: new Set(step.competencies), order: order++ });
		}
	return scenarios.map((s) => {
		const step = steps.get(s.id);
		return {
			id: s.id,
			scamType: s.meta.scamType,
			audience: s.meta.audience,
			competencies: step ? COMPETENCIES.filter((c) => step.competencies.has(c)) : scoredCompetencies(s),
			order: step ? step.order : Number.MAX_SAFE_INTEGER
		};
	});
}

export interface WeakCompetency {
	competency: Competency;
	/** Mean percentage over the latest attempts that assess it. */
	mean: number;
	n: number;
}

export interface MissedKind {
	kind: ScamType;
	/** Red flags of this kind shown in the latest attempts. */
	shown: number;
	missed: number;
	rate: number;
}

export interface MissedFlag {
	scenarioId: string;
	clue: string;
}

export interface Suggestion {
	scenarioId: string;
	/** The weak competencies it trains. */
	competencies: Competency[];
	/** It trains a kind of red flag the trainee misses. */
	kind: ScamType | null;
	played: boolean;
	passed: boolean;
}

export interface PractiseNext {
	traineeId: string;
	/** Scenarios with a finished attempt. */
	scenariosPlayed: number;
	/** Lowest first, at most three. */
	weakCompetencies: WeakCompetency[];
	/** Most missed first, at most three. */
	missedKinds: MissedKind[];
	/** The red flags left unmarked in the latest attempts, in the order they were listed. */
	missedFlags: MissedFlag[];
	suggestions: Suggestion[];
}

/** The latest finished attempt per scenario, and whether any attempt there passed. */
function standing(list: readonly AttemptRecord[]) {
	const latest = new Map<string, AttemptRecord>();
	const passed = new Set<string>();
	for (const r of list) {
		const seen = latest.get(r.scenarioId);
		if (!seen || r.startedAt > seen.startedAt) latest.set(r.scenarioId, r);
		if (r.passed) passed.add(r.scenarioId);
	}
	return { latest: [...latest.values()], passed };
}

/** One trainee's suggestions, from their finished attempts (anyone else's are ignored). */
export function practiseNext(
	traineeId: string,
	records: readonly AttemptRecord[],
	catalogue: readonly PractiseScenario[]
): PractiseNext {
	const own = records.filter((r) => r.finished && r.traineeId === traineeId);
	const { latest, passed } = standing(own);

	const weakCompetencies: WeakCompetency[] = [];
	for (const competency of COMPETENCIES) {
		const values = latest.map((r) => r.competencies[competency]).filter((v): v is number => v !== null);
		if (!values.length) continue;
		const mean = values.reduce((s, v) => s + v, 0) / values.length;
		if (mean < WEAK_BELOW) weakCompetencies.push({ competency, mean, n: values.length });
	}
	weakCompetencies.sort((a, b) => a.mean - b.mean || COMPETENCIES.indexOf(a.competency) - COMPETENCIES.indexOf(b.competency));

	const kinds = new Map<ScamType, MissedKind>();
	const missedFlags: MissedFlag[] = [];
	for (const r of [...latest].sort((a, b) => (a.scenarioId < b.scenarioId ? -1 : 1)))
		for (const f of r.redFlags) {
			if (!f.shown) continue;
			let k = kinds.get(r.scamType);
			if (!k) kinds.set(r.scamType, (k = { kind: r.scamType, shown: 0, missed: 0, rate: 0 }));
			k.shown++;
			if (!f.found) {
				k.missed++;
				missedFlags.push({ scenarioId: r.scenarioId, clue: f.clue });
			}
		}
	const missedKinds = [...kinds.values()]
		.map((k) => ({ ...k, rate: k.missed / k.shown }))
		.filter((k) => k.rate >= MISSED_AT_LEAST)
		.sort((a, b) => b.rate - a.rate || b.missed - a.missed || (a.kind < b.kind ? -1 : 1))
		.slice(0, MAX_SUGGESTIONS);
	const weak = weakCompetencies.slice(0, MAX_SUGGESTIONS);

	// The trainee's role, from what they played: a teller is not sent to an accountant's scenario.
	const roles = new Set(own.map((r) => r.audience).filter((a) => a !== 'both'));
	const fits = (a: PractiseScenario['audience']) => a === 'both' || roles.size !== 1 || roles.has(a);
	const missedKindSet = new Set(missedKinds.map((k) => k.kind));
	const played = new Set(own.map((r) => r.scenarioId));
	const suggestions = catalogue
		.filter((s) => fits(s.audience))
		.map((s) => ({
			s,
			suggestion: {
				scenarioId: s.id,
				competencies: weak.map((w) => w.competency).filter((c) => s.competencies.includes(c)),
				kind: missedKindSet.has(s.scamType) ? s.scamType : null,
				played: played.has(s.id),
				passed: passed.has(s.id)
			} satisfies Suggestion
		}))
		.filter(({ suggestion }) => suggestion.competencies.length > 0 || suggestion.kind !== null)
		.sort(
			(a, b) =>
				Number(a.suggestion.passed) - Number(b.suggestion.passed) ||
				b.suggestion.competencies.length + (b.suggestion.kind ? 1 : 0) -
					(a.suggestion.competencies.length + (a.suggestion.kind ? 1 : 0)) ||
				a.s.order - b.s.order ||
				(a.s.id < b.s.id ? -1 : 1)
		)
		.slice(0, MAX_SUGGESTIONS)
		.map(({ suggestion }) => suggestion);

	return {
		traineeId,
		scenariosPlayed: latest.length,
		weakCompetencies: weak,
		missedKinds,
		missedFlags,
		suggestions
	};
}

/** Suggestions for every trainee with a finished attempt in the selection, by trainee id. */
export function practiseForCohort(
	records: readonly AttemptRecord[],
	catalogue: readonly PractiseScenario[],
	filter: CohortFilter = {}
): Map<string, PractiseNext> {
	const byTrainee = new Map<string, AttemptRecord[]>();
	for (const r of selectRecords(records, filter)) {
		const list = byTrainee.get(r.traineeId);
		if (list) list.push(r);
		else byTrainee.set(r.traineeId, [r]);
	}
	return new Map([...byTrainee].map(([id, list]) => [id, practiseNext(id, list, catalogue)]));
}
