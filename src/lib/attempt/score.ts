/**
 * Scoring is derived from a replayed attempt, never stored as the only truth.
 * Per competency: earned points against the most any path can earn. Red flags add to `detect`;
 * marking something innocent costs one detect point. Overall = all earned / all achievable.
 * Pass = a good ending and an overall score at or above the scenario's pass mark.
 */
import type { Points } from '../scenario/analyse';
import type { AttemptContext, Money } from '../scenario/compile';
import { COMPETENCIES, GOOD_OUTCOMES, type Competency, type Outcome } from '../scenario/vocabulary';
import type { Clue, Scenario } from '../scenario/schema';

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

/** Percentages per competency and overall, from decision points and red-flag points. */
export function rate(
	points: Points,
	flagPoints: number,
	maxPoints: Points
): { competencies: Record<Competency, CompetencyScore>; overall: number } {
	const competencies = {} as Record<Competency, CompetencyScore>;
	let earnedAll = 0;
	let maxAll = 0;
	for (const k of COMPETENCIES) {
		const max = maxPoints[k];
		const earned = Math.max(0, Math.min(points[k] + (k === 'detect' ? flagPoints : 0), max));
		competencies[k] = { earned, max, percent: max > 0 ? Math.round((100 * earned) / max) : null };
		earnedAll += earned;
		maxAll += max;
	}
	return { competencies, overall: maxAll > 0 ? Math.round((100 * earnedAll) / maxAll) : 0 };
}

/**
 * `maxPoints` comes from the graph check (`analyseScenario(scenario).maxPoints`); pages get it
 * computed at build time, since exploring a large scenario takes seconds.
 */
export function scoreAttempt(scenario: Scenario, c: AttemptContext, maxPoints: Points): Score {
	const redFlagOf = new Map<string, Clue>();
	for (const clue of scenario.clues) if (clue.kind === 'red-flag') for (const i of clue.items) redFlagOf.set(i, clue);

	const redFlags: ClueResult[] = scenario.clues
		.filter((clue) => clue.kind === 'red-flag')
		.map((clue) => {
			const shown = c.shown.filter((s) => clue.items.includes(s.item)).map((s) => s.at);
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

	const { competencies, overall } = rate(c.points, flagPoints, maxPoints);
	const ending = c.ending ? scenario.endings.find((e) => e.id === c.ending) : undefined;
	const outcome = ending?.outcome ?? null;
	return {
		competencies,
		overall,
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
