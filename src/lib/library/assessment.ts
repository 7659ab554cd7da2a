/**
 * The assessment report of one scenario: does its score measure judgement rather than test-taking
 * skill? It reads the graph check's decision points and ending ranges, and replays scripted
 * test-taking strategies through the engine over many seeds, with the option order each seed shows.
 * Pure: used by `npm run scenarios:check`, the unit tests and the trainer's scenario import.
 */
import { orderOptions } from '../attempt/order';
import { CURRENT_RULES } from '../attempt/rules';
import { outcomeBand, rate, harmfulChoices } from '../attempt/score';
import { resolveSetup } from '../attempt/setup';
import type { Analysis, Points } from '../scenario/analyse';
import {
	advance,
	availableActions,
	indexScenario,
	nextDueAt,
	startContext,
	type AttemptContext
} from '../scenario/compile';
import type { Action, Scenario } from '../scenario/schema';
import { GOOD_OUTCOMES, type Language, type Outcome } from '../scenario/vocabulary';
import type { Problem } from '../scenario/validate';

export const MIN_OPTIONS = 3;
/** A scenario's longest option may be a good one at no more than this share of its decision points. */
export const MAX_LONGEST_GOOD = 0.5;
/** Across the set, at most chance plus this many percentage points. */
export const LONGEST_OVER_CHANCE = 10;
/** A strategy "passes" a scenario when it passes in at least this share of the seeds. */
export const STRATEGY_PASS_SHARE = 0.05;
export const STRATEGY_SEEDS = 200;

export const STRATEGIES = ['longest-zh', 'longest-en', 'cautious', 'never-intervene', 'first-option'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const STRATEGY_LABEL: Record<Strategy, string> = {
	'longest-zh': 'always the longest option (zh)',
	'longest-en': 'always the longest option (en)',
	cautious: 'always the most cautious option',
	'never-intervene': 'never intervene',
	'first-option': 'first option on screen'
};

export interface StrategyResult {
	strategy: Strategy;
	/** Share of seeds in which the strategy passed. */
	passRate: number;
	meanScore: number;
	/** The most frequent ending. */
	typicalEnding: string | null;
	/** Whether the strategy is the wrong policy here, so it must fail. */
	mustFail: boolean;
	passes: boolean;
}

export interface LengthCue {
	/** Decision points with at least two options, each language's longest option. */
	points: number;
	longestGood: Record<Language, number>;
	/** Expected number of decision points where a random option is good. */
	chance: number;
}

export interface AssessmentReport {
	honest: boolean;
	decisionPoints: number;
	minOptions: number;
	lengthCue: LengthCue;
	strategies: StrategyResult[];
	/** Endings, best band first: the score range a trainee can reach at each. */
	endings: { ending: string; outcome: Outcome; min: number; max: number }[];
	problems: Problem[];
}

const length = (s: string) => [...s].length;

function longestOf(actions: readonly Action[], language: Language): Action {
	return actions.reduce((a, b) => (length(b.label[language]) > length(a.label[language]) ? b : a));
}

/** The option a strategy picks among those on screen (in screen order). */
function pick(strategy: Strategy, onScreen: Action[]): Action {
	switch (strategy) {
		case 'longest-zh':
			return longestOf(onScreen, 'zh');
		case 'longest-en':
			return longestOf(onScreen, 'en');
		case 'cautious':
			return onScreen.find((a) => a.cautious) ?? onScreen[0]!;
		case 'never-intervene':
			return onScreen.find((a) => a.naive) ?? onScreen[0]!;
		case 'first-option':
			return onScreen[0]!;
	}
}

/** Plays one attempt the way a strategy would: decide at once, wait only when nothing is offered. */
export function playStrategy(scenario: Scenario, strategy: Strategy, seed: number): AttemptContext {
	const ix = indexScenario(scenario);
	let c = startContext(scenario, resolveSetup(scenario, seed));
	for (let steps = 0; c.ending === null && steps < 10_000; steps++) {
		const onScreen = orderOptions(availableActions(ix, c), seed, c.beat, CURRENT_RULES);
		if (onScreen.length) {
			c = advance(ix, c, { type: 'trainee.choose', action: pick(strategy, onScreen).id });
			continue;
		}
		const due = nextDueAt(ix, c);
		if (due === null) break;
		c = advance(ix, c, { type: 'clock.tick', seconds: Math.max(1, due - c.time) });
	}
	return c;
}

function strategyResult(scenario: Scenario, maxPoints: Points, strategy: Strategy, honest: boolean): StrategyResult {
	let passed = 0;
	let sum = 0;
	const endings = new Map<string, number>();
	for (let seed = 1; seed <= STRATEGY_SEEDS; seed++) {
		const c = playStrategy(scenario, strategy, seed);
		const outcome = c.ending ? scenario.endings.find((e) => e.id === c.ending)!.outcome : null;
		const { overall } = rate({ points: c.points, flagPoints: 0, maxPoints, outcome, harmful: harmfulChoices(scenario, c) });
		const pass = !!outcome && GOOD_OUTCOMES.includes(outcome) && overall >= scenario.meta.passMark;
		if (pass) passed++;
		sum += overall;
		if (c.ending) endings.set(c.ending, (endings.get(c.ending) ?? 0) + 1);
	}
	const passRate = passed / STRATEGY_SEEDS;
	const mustFail =
		strategy === 'cautious' ? honest : strategy === 'never-intervene' ? !honest : true;
	return {
		strategy,
		passRate,
		meanScore: sum / STRATEGY_SEEDS,
		typicalEnding: [...endings.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
		mustFail,
		passes: passRate >= STRATEGY_PASS_SHARE
	};
}

const pct = (x: number) => `${Math.round(100 * x)} %`;

export function assessScenario(
	scenario: Scenario,
	analysis: Analysis,
	onProgress?: (done: number, phase: 'strategies') => void
): AssessmentReport {
	const ix = indexScenario(scenario);
	const honest = scenario.meta.scamType === 'legitimate';
	const problems: Problem[] = [];
	const action = (beat: string, id: string) => ix.actions.get(`${beat}/${id}`)!;

	// Options at every decision point, at all times.
	let minOptions = Infinity;
	const thin = new Map<string, string[]>();
	for (const d of analysis.decisions) {
		minOptions = Math.min(minOptions, d.actions.length);
		if (d.actions.length < MIN_OPTIONS && !thin.has(d.beat)) thin.set(d.beat, d.actions);
	}
	for (const [beat, actions] of thin)
		problems.push({
			where: `beat "${beat}"`,
			message:
				actions.length === 0
					? `at some point offers no option at all: give the trainee at least ${MIN_OPTIONS} (one may be to wait)`
					: `at some point offers only ${actions.length} option${actions.length === 1 ? '' : 's'} (${actions.map((a) => `"${a}"`).join(', ')}): every decision needs at least ${MIN_OPTIONS}, also after others were chosen`
		});

	// Waiting is a decision.
	const stuck = new Set<string>();
	for (const d of analysis.decisions) {
		if (!d.waiting || stuck.has(d.beat)) continue;
		const verdicts = d.actions.map((a) => action(d.beat, a).verdict);
		if (verdicts.every((v) => v === 'poor' || v === 'harmful')) {
			stuck.add(d.beat);
			problems.push({
				where: `beat "${d.beat}"`,
				message: `while the story waits on time here, every option offered is poor or harmful (${d.actions.map((a) => `"${a}"`).join(', ') || 'none'}): add a good or acceptable option to wait (stay with the customer, keep watching)`
			});
		}
	}

	// Length is no cue: the options as first offered at each beat.
	const lengthCue: LengthCue = { points: 0, longestGood: { zh: 0, en: 0 }, chance: 0 };
	for (const d of analysis.decisions) {
		if (!d.fresh || d.actions.length < 2) continue;
		const actions = d.actions.map((a) => action(d.beat, a));
		lengthCue.points++;
		lengthCue.chance += actions.filter((a) => a.verdict === 'good').length / actions.length;
		for (const lang of ['zh', 'en'] as const) if (longestOf(actions, lang).verdict === 'good') lengthCue.longestGood[lang]++;
	}
	for (const lang of ['zh', 'en'] as const) {
		const share = lengthCue.points ? lengthCue.longestGood[lang] / lengthCue.points : 0;
		if (share > MAX_LONGEST_GOOD)
			problems.push({
				where: 'options',
				message: `the longest option (${lang}) is a good one at ${lengthCue.longestGood[lang]} of ${lengthCue.points} decision points (${pct(share)}, at most ${pct(MAX_LONGEST_GOOD)}): make wrong options as long and specific as right ones`
			});
	}

	// Strategies.
	const strategies = STRATEGIES.map((s, i) => {
		onProgress?.(i * STRATEGY_SEEDS, 'strategies');
		return strategyResult(scenario, analysis.maxPoints, s, honest);
	});
	for (const s of strategies)
		if (s.mustFail && s.passes)
			problems.push({
				where: `strategy "${STRATEGY_LABEL[s.strategy]}"`,
				message: `passes in ${pct(s.passRate)} of ${STRATEGY_SEEDS} seeds (most often ending "${s.typicalEnding}"), where it must fail`
			});
	if (honest && !scenario.beats.some((b) => b.actions.some((a) => a.cautious)))
		problems.push({ where: 'actions', message: 'no option is marked "cautious": the check cannot replay an over-cautious trainee' });
	if (!honest && !scenario.beats.some((b) => b.actions.some((a) => a.naive)))
		problems.push({ where: 'actions', message: 'no option is marked "naive": the check cannot replay a trainee who never intervenes' });

	// Neutral situation.
	if (!scenario.meta.situation)
		problems.push({
			where: 'meta',
			message: 'has no "situation": a neutral title and summary for the library and assessment mode'
		});

	// Endings, ranked by the score reachable at each.
	const redFlagPoints = scenario.clues.filter((c) => c.kind === 'red-flag').reduce((s, c) => s + c.points, 0);
	const endings = analysis.endingRanges
		.map((r) => {
			const outcome = ix.endings.get(r.ending)!.outcome;
			const score = (points: Points, flagPoints: number, harmful: number) =>
				rate({ points, flagPoints, maxPoints: analysis.maxPoints, outcome, harmful }).overall;
			return {
				ending: r.ending,
				outcome,
				min: score(r.worst.points, 0, r.worst.harmful),
				max: score(r.best.points, redFlagPoints, r.best.harmful)
			};
		})
		.sort((a, b) => outcomeBand(b.outcome)[0] - outcomeBand(a.outcome)[0] || b.max - a.max);

	return {
		honest,
		decisionPoints: lengthCue.points,
		minOptions: Number.isFinite(minOptions) ? minOptions : 0,
		lengthCue,
		strategies,
		endings,
		problems
	};
}

/** The overall length cue of a set of scenarios, and whether it stays within chance + 10 points. */
export function lengthCueOverall(reports: AssessmentReport[]): {
	points: number;
	longestGood: Record<Language, number>;
	chance: number;
	ok: boolean;
} {
	const points = reports.reduce((s, r) => s + r.lengthCue.points, 0);
	const chance = reports.reduce((s, r) => s + r.lengthCue.chance, 0);
	const longestGood = {
		zh: reports.reduce((s, r) => s + r.lengthCue.longestGood.zh, 0),
		en: reports.reduce((s, r) => s + r.lengthCue.longestGood.en, 0)
	};
	const limit = points ? (100 * chance) / points + LONGEST_OVER_CHANCE : 100;
	const ok = (['zh', 'en'] as const).every((l) => !points || (100 * longestGood[l]) / points <= limit);
	return { points, longestGood, chance, ok };
}

