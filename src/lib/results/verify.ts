/**
 * Verification of an attempt from a results file: replay its events against the scenario version
 * it names and compare the result with the one the file states. The replayed result is the one
 * trusted; the stated one is only compared.
 */
import type { ScoringFacts } from '../scenario/analyse';
import type { AttemptEvent } from '../scenario/compile';
import type { Scenario } from '../scenario/schema';
import { replayContext } from '../attempt/replay';
import { scoreAttempt } from '../attempt/score';
import { rulesOf } from '../attempt/rules';
import type { AttemptRow, AttemptStatus, AttemptSummary, Verification } from '../storage/db';

export interface ResolvedScenario {
	scenario: Scenario;
	scoring: ScoringFacts;
}

/**
 * Finds the scenario an attempt names: the same id, version and content hash, or undefined when
 * this PC does not have exactly that document.
 */
export type ScenarioResolver = (
	id: string,
	version: number,
	hash: string
) => ResolvedScenario | undefined | Promise<ResolvedScenario | undefined>;

export interface VerifiedAttempt {
	verification: Verification;
	/** The result to trust: the replayed one, or (unverifiable) the stated one. */
	summary: AttemptSummary | null;
	status: AttemptStatus;
	/** What the file stated, when it differs from the replay. */
	claimed?: AttemptSummary | null;
	/** Events the scenario ignores (the app never logs one), when there are any. */
	ignored: number;
	/** The first of them: its step in the log, counted from 1 as the trainer reads it. */
	firstIgnoredStep?: number;
	/** Why replay failed, when it did. */
	error?: string;
	/** The replay itself, when there was one (so the import need not replay again for its record). */
	replayed?: ReturnType<typeof replayContext>;
}

const sameSummary = (a: AttemptSummary, b: AttemptSummary) =>
	a.overall === b.overall && a.passed === b.passed && a.outcome === b.outcome && a.ending === b.ending;

export function verifyAttempt(
	attempt: AttemptRow,
	events: readonly AttemptEvent[],
	resolved: ResolvedScenario | undefined
): VerifiedAttempt {
	if (!resolved)
		return {
			verification: 'unverifiable',
			summary: attempt.summary,
			status: attempt.status,
			ignored: 0
		};
	let replayed: AttemptSummary | null;
	let ignored: number;
	let state: ReturnType<typeof replayContext>;
	try {
		state = replayContext(resolved.scenario, attempt.seed, events);
		const score = scoreAttempt(resolved.scenario, state.context, resolved.scoring.maxPoints, rulesOf(attempt));
		replayed = score.finished
			? {
					overall: score.overall,
					passed: score.passed,
					outcome: score.outcome,
					ending: score.ending
				}
			: null;
		ignored = events.length - state.applied;
	} catch (e) {
		return {
			verification: 'mismatch',
			summary: null,
			status: 'active',
			claimed: attempt.summary,
			ignored: 0,
			error: e instanceof Error ? e.message : String(e)
		};
	}
	const status: AttemptStatus = replayed ? 'finished' : 'active';
	// A finished replay with no stored result is a crash between the last step and saving the
	// result; the replay fills it in. Anything stated must be what the replay gives.
	// The app stores only events that change the attempt, so one the replay ignores means the log
	// was edited or damaged (a step duplicated, reordered or made up): never "verified".
	const matches =
		ignored === 0 &&
		(attempt.summary === null || (replayed !== null && sameSummary(attempt.summary, replayed))) &&
		(attempt.status !== 'finished' || replayed !== null);
	return matches
		? { verification: 'verified', summary: replayed, status, ignored, replayed: state }
		: {
				verification: 'mismatch',
				summary: replayed,
				status,
				claimed: attempt.summary,
				ignored,
				...(state.firstIgnored === undefined ? {} : { firstIgnoredStep: state.firstIgnored + 1 }),
				replayed: state
			};
}
