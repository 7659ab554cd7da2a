/**
 * The IndexedDB database (Dexie). The only module that imports dexie. Every schema version stays
 * declared here with its upgrade, so a database from any released version opens and keeps its rows.
 * Rows read back always pass through a `restore*` function, which fills what older shapes lack.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { AttemptEvent } from '$lib/scenario/compile';
import type { Outcome } from '$lib/scenario/schema';
import type { ScoringFacts } from '$lib/scenario/analyse';

export interface ProfileRow {
	id: string;
	name: string;
	employeeNo: string;
	branch: string;
	cohort: string;
	createdAt: number;
}

export type AttemptMode = 'practice' | 'assessment';
export type AttemptStatus = 'active' | 'finished';

/** A cache of the replayed result, for lists; the event log stays the truth. */
export interface AttemptSummary {
	overall: number;
	passed: boolean;
	outcome: Outcome | null;
	ending: string | null;
}

/** An attempt as it travels in a results file: what any PC needs to replay it. */
export interface AttemptRow {
	id: string;
	profileId: string;
	scenarioId: string;
	scenarioVersion: number;
	scenarioHash: string;
	seed: number;
	/**
	 * The assessment rules the attempt is played and scored under (`attempt/rules.ts`). Absent on
	 * attempts from before rules were recorded: they were played under rules 1.
	 */
	rules?: number;
	mode: AttemptMode;
	status: AttemptStatus;
	startedAt: number;
	updatedAt: number;
	summary: AttemptSummary | null;
}

/** Where a stored attempt came from: played here, or read from a results file. */
export type AttemptOrigin = 'local' | 'imported';

/**
 * What replaying an imported attempt showed: its stored result matches the replay, does not
 * (then `summary` holds the replayed result and `claimedSummary` what the file said), or the
 * scenario version it names is not on this PC. Null for attempts played here.
 */
export type Verification = 'verified' | 'mismatch' | 'unverifiable';

/** Schema v2: what this PC knows about an attempt besides the attempt itself. */
export interface AttemptProvenance {
	origin: AttemptOrigin;
	verification: Verification | null;
	claimedSummary?: AttemptSummary | null;
}

export type StoredAttemptRow = AttemptRow & AttemptProvenance;

export interface EventRow {
	attemptId: string;
	seq: number;
	event: AttemptEvent;
	/** Wall-clock time it was recorded (for analytics; replay never reads it). */
	at: number;
}

export interface ScenarioRow {
	id: string;
	version: number;
	hash: string;
	/** The validated document as imported. */
	doc: unknown;
	importedAt: number;
	/**
	 * What its graph check found for scoring (the most points a path earns, the best path), kept so
	 * that playing it need not explore the graph again. Never exported: any PC can work it out.
	 */
	facts?: ScoringFacts;
}

/**
 * Schema v3: what the trainer's views derived from an attempt's log, kept so the dashboard need
 * not replay every log each time it opens. Storage treats `record` as opaque; `key` says what it
 * was derived from (the deriving code decides), and any new step or result of the attempt deletes
 * it. It is never exported: it can always be derived again from the log.
 */
export interface RecordRow {
	attemptId: string;
	key: string;
	record: unknown;
}

/**
 * Schema v3: the steps of an attempt that came from a results file, as one row. Steps taken on
 * this PC are one `events` row each, written as they happen; a file's steps arrive all at once,
 * and one row per attempt is many times quicker to write than one per step. An attempt's log is
 * its `logs` row (if any) followed by its `events` rows, in step order.
 */
export interface LogRow {
	attemptId: string;
	events: EventRow[];
}

/**
 * Schema v5: a view worked out from every stored attempt (the trainer dashboard's charts), kept
 * with the state of the database it was worked out from (`StoreBasis`). It is shown only while
 * that state is unchanged, and never exported: it can always be worked out again.
 */
export interface ViewRow {
	key: string;
	basis: StoreBasis;
	view: unknown;
}

/**
 * What the views worked out from stored attempts depend on, read in one quick transaction.
 * Profiles and scenarios are only ever added. An attempt played here is added, then takes steps
 * (each an `events` row) and its `updatedAt` moves strictly forward with every change (a step,
 * the result). Attempts from files change only through an import, which drops the kept views.
 */
export interface StoreBasis {
	attempts: number;
	/** Steps taken on this PC. */
	steps: number;
	/** When an attempt played on this PC last changed. */
	lastLocal: number;
	profiles: number;
	scenarios: number;
}

export const DB_NAME = 'fraud-drill';
/** The newest schema version declared below. */
export const SCHEMA_VERSION = 5;

const ORIGINS: readonly AttemptOrigin[] = ['local', 'imported'];
const VERIFICATIONS: readonly Verification[] = ['verified', 'mismatch', 'unverifiable'];

type Loose<T> = { [K in keyof T]?: unknown };

const text = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);
const time = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function restoreSummary(v: unknown): AttemptSummary | null {
	if (!v || typeof v !== 'object') return null;
	const s = v as Loose<AttemptSummary>;
	if (typeof s.overall !== 'number' || typeof s.passed !== 'boolean') return null;
	return {
		overall: s.overall,
		passed: s.passed,
		outcome: typeof s.outcome === 'string' ? (s.outcome as Outcome) : null,
		ending: typeof s.ending === 'string' ? s.ending : null
	};
}

/** An attempt row of any released shape, in the current shape (v1 rows lack origin and verification). */
export function restoreAttempt(row: Loose<StoredAttemptRow> & { id: string }): StoredAttemptRow {
	const startedAt = time(row.startedAt);
	const restored: StoredAttemptRow = {
		id: row.id,
		profileId: text(row.profileId),
		scenarioId: text(row.scenarioId),
		scenarioVersion: time(row.scenarioVersion, 1),
		scenarioHash: text(row.scenarioHash),
		seed: time(row.seed),
		mode: row.mode === 'assessment' ? 'assessment' : 'practice',
		status: row.status === 'finished' ? 'finished' : 'active',
		startedAt,
		updatedAt: time(row.updatedAt, startedAt),
		summary: restoreSummary(row.summary),
		origin: ORIGINS.includes(row.origin as AttemptOrigin) ? (row.origin as AttemptOrigin) : 'local',
		verification: VERIFICATIONS.includes(row.verification as Verification) ? (row.verification as Verification) : null
	};
	if (row.claimedSummary !== undefined) restored.claimedSummary = restoreSummary(row.claimedSummary);
	if (typeof row.rules === 'number' && Number.isInteger(row.rules) && row.rules > 1) restored.rules = row.rules;
	return restored;
}

export function restoreProfile(row: Loose<ProfileRow> & { id: string }): ProfileRow {
	return {
		id: row.id,
		name: text(row.name),
		employeeNo: text(row.employeeNo),
		branch: text(row.branch),
		cohort: text(row.cohort),
		createdAt: time(row.createdAt)
	};
}

/** The portable part of a stored attempt (what goes into a results file). */
export function portableAttempt(row: StoredAttemptRow): AttemptRow {
	const {
		id,
		profileId,
		scenarioId,
		scenarioVersion,
		scenarioHash,
		seed,
		rules,
		mode,
		status,
		startedAt,
		updatedAt,
		summary
	} = row;
	return {
		id,
		profileId,
		scenarioId,
		scenarioVersion,
		scenarioHash,
		seed,
		...(rules !== undefined && { rules }),
		mode,
		status,
		startedAt,
		updatedAt,
		summary
	};
}

/** A trainer's cohort: a code trainees enter in their profile, and the scenarios assigned to it. */
export interface CohortRow {
	code: string;
	name: string;
	scenarioIds: string[];
	createdAt: number;
	/**
	 * Schema v4: the local calendar day ("YYYY-MM-DD") by which the assigned scenarios are to be
	 * passed, or null for none (`analytics/assignments.ts`). Cohorts from before v4 have none.
	 */
	dueDate: string | null;
}

/** A cohort row as read back: a row of an older shape (or a restored backup) gets no due date. */
export function restoreCohort(row: Omit<CohortRow, 'dueDate'> & { dueDate?: unknown }): CohortRow {
	const { code, name, scenarioIds, createdAt, dueDate } = row;
	return {
		code,
		name,
		scenarioIds: Array.isArray(scenarioIds) ? scenarioIds : [],
		createdAt,
		dueDate: typeof dueDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dueDate) ? dueDate : null
	};
}

export class FraudDrillDB extends Dexie {
	cohorts!: EntityTable<CohortRow, 'code'>;
	profiles!: EntityTable<ProfileRow, 'id'>;
	attempts!: EntityTable<StoredAttemptRow, 'id'>;
	events!: Dexie.Table<EventRow, [string, number]>;
	scenarios!: Dexie.Table<ScenarioRow, [string, number]>;
	records!: EntityTable<RecordRow, 'attemptId'>;
	logs!: EntityTable<LogRow, 'attemptId'>;
	views!: EntityTable<ViewRow, 'key'>;

	constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
		super(name, options);
		this.version(1).stores({
			profiles: 'id, name, cohort',
			attempts: 'id, profileId, scenarioId, [profileId+scenarioId], startedAt',
			events: '[attemptId+seq], attemptId',
			scenarios: '[id+version], id'
		});
		// v2: attempts know whether they were played here or imported, and how an import verified;
		// trainers define cohorts.
		this.version(2)
			.stores({
				attempts: 'id, profileId, scenarioId, [profileId+scenarioId], startedAt, origin',
				cohorts: 'code'
			})
			.upgrade((tx) =>
				tx
					.table('attempts')
					.toCollection()
					.modify((row: StoredAttemptRow) => {
						Object.assign(row, restoreAttempt(row));
					})
			);
		// v3: imported logs as one row per attempt; records derived from attempts, for the trainer's
		// dashboard (kept by imports, filled in as the dashboard opens). The events' own attemptId
		// index goes: the primary key [attemptId+seq] already finds a log, and an index slows writes.
		// Rows of v2 stay where they are: a log is read from both tables.
		this.version(3).stores({ events: '[attemptId+seq]', records: 'attemptId', logs: 'attemptId' });
		// v4: a cohort's assignment has a due date (none for the cohorts defined before).
		this.version(4)
			.stores({})
			.upgrade((tx) =>
				tx
					.table('cohorts')
					.toCollection()
					.modify((row: CohortRow) => {
						Object.assign(row, restoreCohort(row));
					})
			);
		// v5: attempts played here found by when they last changed (the newest one says whether any
		// did); views kept for the dashboard.
		this.version(5).stores({
			attempts: 'id, profileId, scenarioId, [profileId+scenarioId], startedAt, origin, [origin+updatedAt]',
			views: 'key'
		});
	}
}
