/**
 * The decisions of an attempt that mattered most, for the debrief's one-screen summary: a trainer
 * wrapping up at the counter goes through these three, not the whole timeline.
 *
 * A decision's weight is what it moved: the money it made safe or let go while it was carried out,
 * including the money lost at the ending it led to (the money a good ending keeps safe is the whole
 * course's, not its last step's), as a share of the money at risk in percentage points, plus the process-score points it earned or cost
 * (a harmful choice also costs its fixed penalty). The heaviest come first; between equals, the
 * earlier one. A mistake and a good decision of the same weight are equal: the summary shows what
 * decided this attempt, good or bad.
 */
import { advance, indexScenario, startContext, type AttemptContext, type AttemptEvent } from '../scenario/compile';
import type { Scenario } from '../scenario/schema';
import type { Points } from '../scenario/analyse';
import { COMPETENCIES, type Verdict } from '../scenario/vocabulary';
import { HARMFUL_CHOICE_COST } from './score';
import { resolveSetup, type AttemptSetup } from './setup';

export interface KeyDecision {
	beat: string;
	action: string;
	/** Simulated seconds from the start when it was chosen. */
	at: number;
	verdict: Verdict;
	/** Money it made safe (yuan). */
	protected: number;
	/** Money it let go (yuan). */
	lost: number;
	/** Percentage points of the process score it earned (negative: cost), harmful penalty included. */
	process: number;
	/** How much it moved the attempt, the ranking key (see the module comment). */
	weight: number;
}

/** Every decision of the attempt with what it moved, in the order they were taken. */
export function weighDecisions(
	scenario: Scenario,
	seed: number,
	events: readonly AttemptEvent[],
	maxPoints: Points
): KeyDecision[] {
	return weighAttempt(scenario, seed, events, maxPoints).decisions;
}

/**
 * The attempt replayed once (with the pure stepper, held equal to the machine by
 * `compile.test.ts`): its setup and final context, and every decision with what it moved. The
 * debrief needs all three; replaying for each would go through the log twice.
 */
export function weighAttempt(
	scenario: Scenario,
	seed: number,
	events: readonly AttemptEvent[],
	maxPoints: Points
): { setup: AttemptSetup; context: AttemptContext; decisions: KeyDecision[] } {
	const ix = indexScenario(scenario);
	const maxAll = COMPETENCIES.reduce((sum, k) => sum + Math.max(0, maxPoints[k]), 0);
	const setup = resolveSetup(scenario, seed);
	let c: AttemptContext = startContext(scenario, setup);
	const totalAtRisk = c.money.atRisk + c.money.protected + c.money.lost;
	const out: KeyDecision[] = [];
	for (const event of events) {
		const before = c;
		c = advance(ix, c, event);
		if (event.type !== 'trainee.choose' || c === before) continue;
		const entry = c.log.slice(before.log.length).find((e) => e.kind === 'choice');
		if (!entry || entry.kind !== 'choice') continue;
		const action = ix.actions.get(`${entry.beat}/${entry.action}`);
		if (!action) continue;
		// What moved while it was carried out, the ending it led to included; except the money a good
		// ending keeps safe: that is the whole course's work, not its last step's.
		const ended = c.ending !== null && before.ending === null;
		const safe = ended ? 0 : c.money.protected - before.money.protected;
		const gone = c.money.lost - before.money.lost;
		const points = Object.values(action.effects.points ?? {}).reduce<number>((sum, v) => sum + (v ?? 0), 0);
		const process = (maxAll > 0 ? (100 * points) / maxAll : 0) - (action.verdict === 'harmful' ? HARMFUL_CHOICE_COST : 0);
		const money = totalAtRisk > 0 ? (100 * (safe + gone)) / totalAtRisk : 0;
		out.push({
			beat: entry.beat,
			action: entry.action,
			at: entry.at,
			verdict: action.verdict,
			protected: safe,
			lost: gone,
			process: Math.round(process),
			weight: money + Math.abs(process)
		});
	}
	return { setup, context: c, decisions: out };
}

/** The `n` decisions that moved the attempt most, heaviest first. */
export function keyDecisions(
	scenario: Scenario,
	seed: number,
	events: readonly AttemptEvent[],
	maxPoints: Points,
	n = 3
): KeyDecision[] {
	return heaviest(weighDecisions(scenario, seed, events, maxPoints), n);
}

/** The `n` of `decisions` (in the order taken) that moved the attempt most, heaviest first. */
export function heaviest(decisions: readonly KeyDecision[], n = 3): KeyDecision[] {
	return decisions
		.map((d, i) => ({ d, i }))
		.sort((a, b) => b.d.weight - a.d.weight || a.i - b.i)
		.slice(0, n)
		.map(({ d }) => d);
}
