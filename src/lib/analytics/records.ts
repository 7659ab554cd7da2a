/**
 * One flat record per attempt, derived by replaying its event log: the only input the cohort
 * aggregations and the CSV exports read. A stored summary is never trusted; it is only compared.
 * The log is replayed with the pure stepper `advance`, which a test holds equal to the compiled
 * machine at every step and which is ~50× faster: 5,000 attempts replay in seconds, not minutes.
 * The row shapes are declared structurally here (the pure core does not import storage), so
 * `ProfileRow`, `AttemptRow` and `EventRow` from the database fit them as they are.
 */
import type { ScoringFacts } from '../scenario/analyse';
import { indexScenario, type AttemptEvent, type LogEntry } from '../scenario/compile';
import { COMPETENCIES, type Competency, type Outcome, type ScamType, type Verdict } from '../scenario/vocabulary';
import type { Scenario } from '../scenario/schema';
import { replayContext } from '../attempt/replay';
import { scoreAttempt } from '../attempt/score';
import { rulesOf, type Rules } from '../attempt/rules';

/** The pure replay, re-exported for callers that derive records (tests hold it equal to the machine). */
export { replayContext };

export type AttemptMode = 'practice' | 'assessment';

/** What a record needs of a trainee profile (a `ProfileRow` fits). */
export interface TraineeInfo {
	id: string;
	name: string;
	employeeNo: string;
	branch: string;
	cohort: string;
}

/** What a record needs of an attempt row (an `AttemptRow` fits). */
export interface AttemptInfo {
	id: string;
	scenarioId: string;
	scenarioVersion: number;
	seed: number;
	/** The assessment rules it was played under; absent = 1 (`attempt/rules.ts`). */
	rules?: number;
	mode: AttemptMode;
	startedAt: number;
	summary: { overall: number; passed: boolean; outcome: Outcome | null; ending: string | null } | null;
}

/** A stored event row (an `EventRow` fits). */
export interface LoggedEvent {
	seq: number;
	event: AttemptEvent;
	at: number;
}

export interface RedFlagRecord {
	clue: string;
	/** The clue appeared during the attempt. */
	shown: boolean;
	found: boolean;
	/** Simulated seconds from its first appearance to the trainee's mark; null if not found. */
	timeToMark: number | null;
}

export interface DecisionRecord {
	beat: string;
	action: string;
	verdict: Verdict;
	/** Simulated seconds since the start when the choice was made. */
	at: number;
}

export interface AttemptRecord {
	attemptId: string;
	seed: number;
	/** The rules it was scored under (attempts from before rules 2 keep their own). */
	rules: Rules;
	traineeId: string;
	traineeName: string;
	employeeNo: string;
	branch: string;
	cohort: string;
	scenarioId: string;
	scenarioVersion: number;
	scamType: ScamType;
	audience: Scenario['meta']['audience'];
	mode: AttemptMode;
	/** Wall-clock milliseconds (epoch). */
	startedAt: number;
	finished: boolean;
	outcome: Outcome | null;
	ending: string | null;
	overall: number;
	passed: boolean;
	/** 0–100 per competency, or null where the scenario does not assess it. */
	competencies: Record<Competency, number | null>;
	moneyProtected: number;
	moneyLost: number;
	redFlags: RedFlagRecord[];
	falseAlarms: number;
	decisions: DecisionRecord[];
	/**
	 * The beats the story passed through, in order, from the start (a beat entered twice is listed
	 * twice; staying at a beat for a second decision is not a new entry). The ending is `ending`.
	 */
	path: string[];
	/** Simulated seconds of the first decision that earned intervene points; null if none did. */
	firstInterventionAt: number | null;
	/** Simulated seconds from the start to the end (or to the last event, if unfinished). */
	durationSeconds: number;
	/** Events the machine ignored (a clean log has none). */
	ignoredEvents: number;
	/** Whether the stored summary agrees with the replay; null when none was stored. */
	summaryAgrees: boolean | null;
}

/** The fields of a record that say who the trainee is: read from the profile each time, never kept. */
type TraineeFields = 'traineeId' | 'traineeName' | 'employeeNo' | 'branch' | 'cohort';
/** What replaying an attempt gives, apart from who played it: what the trainer's views keep. */
export type ReplayedRecord = Omit<AttemptRecord, TraineeFields>;

/**
 * The version of what `deriveRecord` computes. Kept records name it, so raising it when the
 * derivation (or the scoring it uses) changes makes the dashboard derive every record again.
 */
export const RECORD_VERSION = 3; // 2: records carry the rules they were scored under; 3: and the beats passed through

/**
 * What a kept record was derived from: this code's version, the scenario document (its content
 * hash) and the attempt's last change. A record kept under another key is derived again.
 */
export function recordKey(scenarioHash: string, attempt: { updatedAt: number; status: string }): string {
	return `${RECORD_VERSION}:${scenarioHash}:${attempt.updatedAt}:${attempt.status}`;
}

export function withTrainee(record: ReplayedRecord, profile: TraineeInfo): AttemptRecord {
	return {
		...record,
		traineeId: profile.id,
		traineeName: profile.name,
		employeeNo: profile.employeeNo,
		branch: profile.branch,
		cohort: profile.cohort
	};
}

const isRow = (e: LoggedEvent | AttemptEvent): e is LoggedEvent => 'seq' in e && 'event' in e;

/** The events in log order: stored rows sorted by `seq`, bare events as given. */
export function eventsOf(events: readonly LoggedEvent[] | readonly AttemptEvent[]): AttemptEvent[] {
	const list: readonly (LoggedEvent | AttemptEvent)[] = events;
	if (!list.length || !isRow(list[0]!)) return list as AttemptEvent[];
	return [...(list as LoggedEvent[])].sort((a, b) => a.seq - b.seq).map((r) => r.event);
}

/**
 * The beats an attempt passed through, read from its replayed log: a decision, a beat's timeout or
 * a timer moves the story to its `next` beat (a timer's move to the beat it is at is no move, as
 * in the machine). A decision or timeout logged at another beat than the one reached so far means
 * the story got there another way; that beat is entered then, so every decision lies on the path.
 */
export function beatPath(scenario: Scenario, log: readonly LogEntry[]): string[] {
	const ix = indexScenario(scenario);
	const timers = new Map(ix.timers.map((t) => [t.id, t]));
	const path = [scenario.start];
	let at: string | null = scenario.start;
	const enter = (id: string | undefined) => {
		if (id === undefined || id === at) return;
		if (ix.beats.has(id)) path.push(id);
		at = id;
	};
	for (const entry of log) {
		if (entry.kind === 'choice') {
			enter(entry.beat);
			enter(ix.actions.get(`${entry.beat}/${entry.action}`)?.next);
		} else if (entry.kind === 'timeout') {
			enter(entry.beat);
			enter(ix.beats.get(entry.beat)?.timeout?.next);
		} else if (entry.kind === 'timer') enter(timers.get(entry.timer)?.next);
		else if (entry.kind === 'ending') at = entry.ending;
	}
	return path;
}

/** One attempt's record: its log replayed, and who played it. */
export function deriveRecord(
	scenario: Scenario,
	facts: ScoringFacts,
	profile: TraineeInfo,
	attempt: AttemptInfo,
	events: readonly LoggedEvent[] | readonly AttemptEvent[]
): AttemptRecord {
	return withTrainee(replayRecord(scenario, facts, attempt, events), profile);
}

/**
 * What replaying one attempt's log gives (everything in its record but who played it). `replayed`:
 * the replay of exactly these events, when the caller has it already (an import verifies first).
 */
export function replayRecord(
	scenario: Scenario,
	facts: ScoringFacts,
	attempt: AttemptInfo,
	events: readonly LoggedEvent[] | readonly AttemptEvent[],
	replayed?: ReturnType<typeof replayContext>
): ReplayedRecord {
	if (attempt.scenarioId !== scenario.id || attempt.scenarioVersion !== scenario.version)
		throw new Error(
			`Attempt ${attempt.id} was played on scenario "${attempt.scenarioId}" version ${attempt.scenarioVersion}, ` +
				`not "${scenario.id}" version ${scenario.version}.`
		);
	const log = eventsOf(events);
	const { context, applied } = replayed ?? replayContext(scenario, attempt.seed, log);
	const score = scoreAttempt(scenario, context, facts.maxPoints, rulesOf(attempt));

	const { actions } = indexScenario(scenario);
	const decisions: DecisionRecord[] = [];
	let firstInterventionAt: number | null = null;
	for (const entry of context.log) {
		if (entry.kind !== 'choice') continue;
		const action = actions.get(`${entry.beat}/${entry.action}`)!;
		decisions.push({ beat: entry.beat, action: entry.action, verdict: action.verdict, at: entry.at });
		if (firstInterventionAt === null && (action.effects.points?.intervene ?? 0) > 0) firstInterventionAt = entry.at;
	}

	const summary = attempt.summary;
	return {
		path: beatPath(scenario, context.log),
		attemptId: attempt.id,
		seed: attempt.seed,
		rules: score.rules,
		scenarioId: scenario.id,
		scenarioVersion: scenario.version,
		scamType: scenario.meta.scamType,
		audience: scenario.meta.audience,
		mode: attempt.mode,
		startedAt: attempt.startedAt,
		finished: score.finished,
		outcome: score.outcome,
		ending: score.ending,
		overall: score.overall,
		passed: score.passed,
		competencies: Object.fromEntries(COMPETENCIES.map((k) => [k, score.competencies[k].percent])) as Record<
			Competency,
			number | null
		>,
		moneyProtected: score.money.protected,
		moneyLost: score.money.lost,
		redFlags: score.redFlags.map((r) => ({
			clue: r.clue.id,
			shown: r.appearedAt !== null,
			found: r.markedAt !== null,
			timeToMark: r.markedAt !== null ? Math.max(0, r.markedAt - (r.appearedAt ?? r.markedAt)) : null
		})),
		falseAlarms: score.falseAlarms.length,
		decisions,
		firstInterventionAt,
		durationSeconds: score.duration,
		ignoredEvents: log.length - applied,
		summaryAgrees: summary
			? summary.overall === score.overall &&
				summary.passed === score.passed &&
				summary.outcome === score.outcome &&
				summary.ending === score.ending
			: null
	};
}
