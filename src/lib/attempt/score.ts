/**
 * Scoring is derived from a replayed attempt, never stored as the only truth. The policy (rules 2,
 * written out in the README and in the debrief's "how this score works"):
 * - Per competency: points earned against the most any path can earn (red flags add to `detect`;
 *   marking something innocent costs one detect point), shown clipped to 0–100 %.
 * - Process: the sum over competencies against the sum of their maxima. A negative competency
 *   counts against the total (it is not clipped at zero), and each harmful choice costs
 *   `HARMFUL_CHOICE_COST` points of the percentage on top of its own points.
 * - Overall: the process score placed in the band of the ending's outcome, so an ending that harms
 *   always scores below every ending that does not (`OUTCOME_BANDS`).
 * - Pass = an ending that does not harm and an overall score at or above the scenario's pass mark.
 * Rules 1 (attempts from before) averaged clipped competencies with no bands; they stay available so
 * that such attempts are verified and shown as they were scored.
 */
import type { Points } from '../scenario/analyse';
import { indexScenario, markShownAt, type AttemptContext, type Money } from '../scenario/compile';
import { COMPETENCIES, GOOD_OUTCOMES, HARMFUL_COST_PERCENT, HARMFUL_OUTCOMES, type Competency, type Outcome } from '../scenario/vocabulary';
import type { Clue, Scenario } from '../scenario/schema';
import { CURRENT_RULES, type Rules } from './rules';

export const FALSE_ALARM_COST = 1;

export interface CompetencyScore {
	earned: number;
	max: number;
	/** 0–100, or null when the scenario does not exercise the competency. */
	percent: number | null;
}

export interface ClueResult {
	clue: Clue;
	/** Simulated second the clue first appeared, or null if the trainee never saw it. */
	appearedAt: number | null;
	/** Simulated second it was marked, or null if missed. */
	markedAt: number | null;
}

export interface Score {
	competencies: Record<Competency, CompetencyScore>;
	overall: number;
	/** 0–100: how well the attempt was handled, before it is placed in its outcome's band. */
	process: number;
	/** Choices marked harmful in the scenario. */
	harmful: number;
	rules: Rules;
	passed: boolean;
	finished: boolean;
	ending: string | null;
	outcome: Outcome | null;
	money: Money;
	redFlags: ClueResult[];
	/** Items marked that are not part of any red flag. */
	falseAlarms: string[];
	/** Seconds of simulated time. */
	duration: number;
}

/** Percentage points of the process score that each harmful choice costs. */
export const HARMFUL_CHOICE_COST = HARMFUL_COST_PERCENT;

/** Where an ending's outcome places the overall score (inclusive). */
export const OUTCOME_BANDS: Record<'unharmed' | 'partial' | 'harmed', readonly [number, number]> = {
	unharmed: [40, 100],
	partial: [20, 39],
	harmed: [0, 19]
};

export function outcomeBand(outcome: Outcome): readonly [number, number] {
	if (HARMFUL_OUTCOMES.includes(outcome)) return OUTCOME_BANDS.harmed;
	if (outcome === 'partial-loss') return OUTCOME_BANDS.partial;
	return OUTCOME_BANDS.unharmed;
}

export interface ScoreParts {
	/** Points from decisions, timers, milestones and the ending. */
	points: Points;
	/** Red flags found minus innocent details marked. */
	flagPoints: number;
	maxPoints: Points;
	/** The ending's outcome, or null while the attempt is unfinished. */
	outcome: Outcome | null;
	harmful: number;
}

/** Percentages per competency, the process score and the overall score under the given rules. */
export function rate(
	parts: ScoreParts,
	rules: Rules = CURRENT_RULES
): { competencies: Record<Competency, CompetencyScore>; overall: number; process: number } {
	const competencies = {} as Record<Competency, CompetencyScore>;
	let clippedAll = 0;
	let earnedAll = 0;
	let maxAll = 0;
	for (const k of COMPETENCIES) {
		const max = parts.maxPoints[k];
		const raw = Math.min(parts.points[k] + (k === 'detect' ? parts.flagPoints : 0), max);
		const earned = Math.max(0, raw);
		competencies[k] = { earned, max, percent: max > 0 ? Math.round((100 * earned) / max) : null };
		clippedAll += earned;
		earnedAll += raw;
		maxAll += max;
	}
	if (rules === 1) {
		const overall = maxAll > 0 ? Math.round((100 * clippedAll) / maxAll) : 0;
		return { competencies, overall, process: overall };
	}
	const share = maxAll > 0 ? (100 * earnedAll) / maxAll : 0;
	const process = Math.round(Math.max(0, Math.min(100, share - HARMFUL_CHOICE_COST * parts.harmful)));
	if (!parts.outcome) return { competencies, overall: process, process };
	const [lo, hi] = outcomeBand(parts.outcome);
	return { competencies, overall: lo + Math.round(((hi - lo) * process) / 100), process };
}

/** How many of the attempt's decisions the scenario marks harmful. */
export function harmfulChoices(scenario: Scenario, c: Pick<AttemptContext, 'log'>): number {
	const ix = indexScenario(scenario);
	return c.log.filter((e) => e.kind === 'choice' && ix.actions.get(`${e.beat}/${e.action}`)?.verdict === 'harmful')
		.length;
}

/**
 * `maxPoints` comes from the graph check (`analyseScenario(scenario).maxPoints`); pages get it
 * computed at build time, since exploring a large scenario takes seconds.
 */
export function scoreAttempt(
	scenario: Scenario,
	c: AttemptContext,
	maxPoints: Points,
	rules: Rules = CURRENT_RULES
): Score {
	const ix = indexScenario(scenario);
	const redFlagOf = new Map<string, Clue>();
	for (const clue of scenario.clues) if (clue.kind === 'red-flag') for (const i of clue.items) redFlagOf.set(i, clue);

	const redFlags: ClueResult[] = scenario.clues
		.filter((clue) => clue.kind === 'red-flag')
		.map((clue) => {
			const shown = clue.items.map((i) => markShownAt(ix, c, i)).filter((at) => at !== null);
			const marked = c.flags.filter((f) => clue.items.includes(f.item)).map((f) => f.at);
			return {
				clue,
				appearedAt: shown.length ? Math.min(...shown) : null,
				markedAt: marked.length ? Math.min(...marked) : null
			};
		});
	const falseAlarms = c.flags.filter((f) => !redFlagOf.has(f.item)).map((f) => f.item);
	const flagPoints =
		redFlags.reduce((s, r) => s + (r.markedAt !== null ? r.clue.points : 0), 0) - falseAlarms.length * FALSE_ALARM_COST;

	const ending = c.ending ? scenario.endings.find((e) => e.id === c.ending) : undefined;
	const outcome = ending?.outcome ?? null;
	const harmful = harmfulChoices(scenario, c);
	const { competencies, overall, process } = rate({ points: c.points, flagPoints, maxPoints, outcome, harmful }, rules);
	return {
		competencies,
		overall,
		process,
		harmful,
		rules,
		passed: !!outcome && GOOD_OUTCOMES.includes(outcome) && overall >= scenario.meta.passMark,
		finished: !!ending,
		ending: c.ending,
		outcome,
		money: c.money,
		redFlags,
		falseAlarms,
		duration: c.time
	};
}
