/**
 * Decision analysis of one scenario (the trainer's item analysis, 题目分析): for each decision
 * point (beat), how many reached it, how many chose each option, its facility (难度系数) and
 * discrimination (区分度), and the options a trainer should look at again. Pure functions of
 * attempt records and the scenario document.
 *
 * Definitions (the help text on the page and the README say the same):
 * - **Unit**: each trainee's first finished attempt of the scenario in the selection (this version
 *   of the scenario only). Retries after a debrief are left out, so nobody counts twice and the
 *   figures describe how the decisions work on someone meeting them for the first time.
 * - **Reached**: the story passed through the beat (`AttemptRecord.path`).
 * - **Handled well** at a beat: at least one `good` (正确) option chosen there and no `poor` or
 *   `harmful` one. `acceptable` (可以) does not count toward facility, and does not count against:
 *   it is a passable answer, not the one the scenario teaches. Deciding nothing (the time ran out)
 *   is not handled well.
 * - **Facility**: the share of those who reached the beat who handled it well.
 * - **Upper and lower groups**: the top and bottom 27 % of the units by overall score of that
 *   attempt (round(0.27 n) each; ties broken by attempt id so the groups are reproducible).
 * - **Discrimination** D = facility in the upper group − facility in the lower group, each among
 *   that group's members who reached the beat; for an option, D = share choosing it in the upper
 *   group − in the lower group. Also the point-biserial correlation between handling the beat well
 *   and the overall score, over everyone who reached it.
 * - **Too few to tell**: fewer than `MIN_REACH` reached the beat, or fewer than `MIN_GROUP` of the
 *   upper or of the lower group did. Such beats get no review flags.
 * - **Review flags**: a `poor` or `harmful` option whose D ≥ `REVIEW_MARGIN` (strong trainees
 *   choose it more than weak ones: a distractor that reads as right, or a genuinely hard
 *   judgement), and a `good` option whose D ≤ −`REVIEW_MARGIN` (weak trainees choose it more).
 */
import type { Scenario, Verdict } from '../scenario/schema';
import { selectRecords, type CohortFilter } from './cohort';
import type { AttemptRecord } from './records';

export const GROUP_SHARE = 0.27;
export const MIN_REACH = 10;
export const MIN_GROUP = 5;
export const REVIEW_MARGIN = 0.1;

export type OptionFlag = 'strong-choose-weak' | 'weak-choose-right';
export type ItemWarning = 'none-reached' | 'too-few';

export interface OptionAnalysis {
	action: string;
	verdict: Verdict;
	/** Attempts (of those that reached the beat) that chose it at least once. */
	chosen: number;
	/** `chosen` / reached; null when nobody reached the beat. */
	share: number | null;
	upperShare: number | null;
	lowerShare: number | null;
	/** upperShare − lowerShare; null when either group has nobody at the beat. */
	discrimination: number | null;
	flag: OptionFlag | null;
}

export interface ItemAnalysis {
	beat: string;
	/** Position of the beat in the scenario document. */
	order: number;
	reached: number;
	/** reached / the units. */
	reachShare: number | null;
	upperReached: number;
	lowerReached: number;
	/** Attempts that handled it well. */
	handled: number;
	/** Attempts that reached it and decided nothing there. */
	undecided: number;
	facility: number | null;
	upperFacility: number | null;
	lowerFacility: number | null;
	discrimination: number | null;
	pointBiserial: number | null;
	options: OptionAnalysis[];
	warning: ItemWarning | null;
	/** Options flagged for review. */
	flagged: number;
}

export interface ScenarioItems {
	scenarioId: string;
	version: number;
	/** Units: trainees with a finished attempt of this version in the selection. */
	n: number;
	upperSize: number;
	lowerSize: number;
	/** Lowest overall score in the upper group and highest in the lower group (null when empty). */
	upperFrom: number | null;
	lowerTo: number | null;
	/** Finished attempts in the selection played on other versions of the scenario (left out). */
	otherVersions: number;
	items: ItemAnalysis[];
}

const byAttemptId = (a: AttemptRecord, b: AttemptRecord) => (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0);

/**
 * The units: per trainee, the earliest finished attempt of this scenario version that the filter
 * selects (ties on the start time broken by attempt id). In trainee id order.
 */
export function firstAttempts(
	records: readonly AttemptRecord[],
	scenario: Pick<Scenario, 'id' | 'version'>,
	filter: CohortFilter = {}
): { units: AttemptRecord[]; otherVersions: number } {
	const selected = selectRecords(records, { ...filter, scenarioIds: [scenario.id] });
	const first = new Map<string, AttemptRecord>();
	let otherVersions = 0;
	for (const r of selected) {
		if (r.scenarioVersion !== scenario.version) {
			otherVersions++;
			continue;
		}
		const had = first.get(r.traineeId);
		if (!had || r.startedAt < had.startedAt || (r.startedAt === had.startedAt && byAttemptId(r, had) < 0))
			first.set(r.traineeId, r);
	}
	const units = [...first.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
	return { units, otherVersions };
}

/** The upper and lower 27 % by overall score (attempt ids), round(0.27 n) each. */
export function scoreGroups(units: readonly AttemptRecord[]): { upper: AttemptRecord[]; lower: AttemptRecord[] } {
	const size = Math.round(units.length * GROUP_SHARE);
	const sorted = [...units].sort((a, b) => b.overall - a.overall || byAttemptId(a, b));
	return { upper: sorted.slice(0, size), lower: size ? sorted.slice(-size) : [] };
}

const share = (count: number, n: number): number | null => (n > 0 ? count / n : null);
const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

/**
 * Point-biserial correlation of a 0/1 indicator with a score: (M₁ − M₀) / s · √(p q), with the
 * population standard deviation s. Null when everyone or nobody has the indicator, or all scores
 * are equal.
 */
export function pointBiserial(pairs: readonly { x: boolean; y: number }[]): number | null {
	const n = pairs.length;
	if (n < 2) return null;
	const ones = pairs.filter((p) => p.x);
	const p = ones.length / n;
	if (p === 0 || p === 1) return null;
	const mean = pairs.reduce((s, q) => s + q.y, 0) / n;
	const sd = Math.sqrt(pairs.reduce((s, q) => s + (q.y - mean) ** 2, 0) / n);
	if (sd === 0) return null;
	const m1 = ones.reduce((s, q) => s + q.y, 0) / ones.length;
	const m0 = (mean * n - m1 * ones.length) / (n - ones.length);
	return ((m1 - m0) / sd) * Math.sqrt(p * (1 - p));
}

/** Whether the attempt handled the beat well: a good option and no poor or harmful one there. */
function handledWell(verdicts: readonly Verdict[]): boolean {
	return verdicts.includes('good') && !verdicts.some((v) => v === 'poor' || v === 'harmful');
}

/** The decision analysis of one scenario over the units the filter selects. */
export function analyseItems(scenario: Scenario, records: readonly AttemptRecord[], filter: CohortFilter = {}): ScenarioItems {
	const { units, otherVersions } = firstAttempts(records, scenario, filter);
	return itemsOfUnits(scenario, units, otherVersions);
}

/** The decision analysis over given units (one attempt per trainee, as `firstAttempts` gives). */
export function itemsOfUnits(scenario: Scenario, units: readonly AttemptRecord[], otherVersions = 0): ScenarioItems {
	const { upper, lower } = scoreGroups(units);
	const group = new Map<string, 'upper' | 'lower'>();
	for (const r of upper) group.set(r.attemptId, 'upper');
	for (const r of lower) group.set(r.attemptId, 'lower');

	// Per beat: who reached it and what each chose there.
	const reachedBy = new Map<string, AttemptRecord[]>();
	const choices = new Map<string, Map<string, Set<string>>>(); // beat → attempt → actions
	for (const r of units) {
		for (const beat of new Set(r.path)) {
			const list = reachedBy.get(beat);
			if (list) list.push(r);
			else reachedBy.set(beat, [r]);
		}
		for (const d of r.decisions) {
			let perAttempt = choices.get(d.beat);
			if (!perAttempt) choices.set(d.beat, (perAttempt = new Map()));
			let set = perAttempt.get(r.attemptId);
			if (!set) perAttempt.set(r.attemptId, (set = new Set()));
			set.add(d.action);
		}
	}

	const items = scenario.beats.map((beat, order): ItemAnalysis => {
		const reached = reachedBy.get(beat.id) ?? [];
		const chosenBy = choices.get(beat.id) ?? new Map<string, Set<string>>();
		const verdictOf = new Map(beat.actions.map((a) => [a.id, a.verdict]));
		const inUpper = reached.filter((r) => group.get(r.attemptId) === 'upper');
		const inLower = reached.filter((r) => group.get(r.attemptId) === 'lower');
		const well = (r: AttemptRecord) => handledWell([...(chosenBy.get(r.attemptId) ?? [])].map((a) => verdictOf.get(a)!));
		const count = (list: AttemptRecord[], test: (r: AttemptRecord) => boolean) => list.filter(test).length;

		const warning: ItemWarning | null = !reached.length
			? 'none-reached'
			: reached.length < MIN_REACH || inUpper.length < MIN_GROUP || inLower.length < MIN_GROUP
				? 'too-few'
				: null;
		const options = beat.actions.map((a): OptionAnalysis => {
			const chose = (r: AttemptRecord) => chosenBy.get(r.attemptId)?.has(a.id) ?? false;
			const upperShare = share(count(inUpper, chose), inUpper.length);
			const lowerShare = share(count(inLower, chose), inLower.length);
			const discrimination = diff(upperShare, lowerShare);
			const weak = a.verdict === 'poor' || a.verdict === 'harmful';
			const flag: OptionFlag | null =
				warning !== null || discrimination === null
					? null
					: weak && discrimination >= REVIEW_MARGIN
						? 'strong-choose-weak'
						: a.verdict === 'good' && discrimination <= -REVIEW_MARGIN
							? 'weak-choose-right'
							: null;
			const chosen = count(reached, chose);
			return { action: a.id, verdict: a.verdict, chosen, share: share(chosen, reached.length), upperShare, lowerShare, discrimination, flag };
		});
		const handled = count(reached, well);
		const upperFacility = share(count(inUpper, well), inUpper.length);
		const lowerFacility = share(count(inLower, well), inLower.length);
		return {
			beat: beat.id,
			order,
			reached: reached.length,
			reachShare: share(reached.length, units.length),
			upperReached: inUpper.length,
			lowerReached: inLower.length,
			handled,
			undecided: count(reached, (r) => !chosenBy.has(r.attemptId)),
			facility: share(handled, reached.length),
			upperFacility,
			lowerFacility,
			discrimination: diff(upperFacility, lowerFacility),
			pointBiserial: pointBiserial(reached.map((r) => ({ x: well(r), y: r.overall }))),
			options,
			warning,
			flagged: options.filter((o) => o.flag).length
		};
	});

	return {
		scenarioId: scenario.id,
		version: scenario.version,
		n: units.length,
		upperSize: upper.length,
		lowerSize: lower.length,
		upperFrom: upper.length ? upper.at(-1)!.overall : null,
		lowerTo: lower.length ? lower[0]!.overall : null,
		otherVersions,
		items
	};
}
