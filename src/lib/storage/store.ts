/**
 * Everything the app stores, behind one small API. Writes are transactions: a failure leaves
 * nothing half-written, and comes back as a StorageError that says what happened.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { AttemptEvent } from '$lib/scenario/compile';
import { canonicalJson } from '$lib/scenario/hash';
import { CURRENT_RULES, rulesOf } from '$lib/attempt/rules';
import { StorageError, classifyError, type StorageProblem } from './errors';
import { isDay } from '$lib/analytics/assignments';
import {
	FraudDrillDB,
	portableAttempt,
	restoreAttempt,
	restoreCohort,
	restoreProfile,
	type AttemptMode,
	type CohortRow,
	type AttemptRow,
	type AttemptSummary,
	type EventRow,
	type LogRow,
	type ProfileRow,
	type RecordRow,
	type ScenarioRow,
	type StoredAttemptRow,
	type StoreBasis,
	type ViewRow
} from './db';

export { StorageError, classifyError, type StorageProblem } from './errors';

/** Why the connection closed, when this module knows (it affects what the message advises). */
type ClosedBy = 'versionchange' | null;

function explain(problem: StorageProblem, closedBy: ClosedBy, e: unknown): string {
	switch (problem) {
		case 'quota':
			return 'this device is out of storage space, so nothing of this was saved. Export your results, then free some space.';
		case 'closed':
			return closedBy === 'versionchange'
				? 'another tab opened a newer version of Fraud Drill, so this tab stopped saving. Reload this page; everything saved before is safe.'
				: 'the connection to the browser storage is closed. Reload this page; everything saved before is safe.';
		case 'blocked':
			return 'another tab with an older version of Fraud Drill is still open. Close the other Fraud Drill tabs, then reload this page.';
		case 'unavailable':
			return 'this browser does not allow the app to store data here (a private window, or storage turned off).';
		default:
			return e instanceof Error ? e.message : String(e);
	}
}

export interface NewProfile {
	name: string;
	employeeNo?: string;
	branch?: string;
	cohort?: string;
}

export interface NewAttempt {
	profileId: string;
	scenarioId: string;
	scenarioVersion: number;
	scenarioHash: string;
	seed: number;
	mode: AttemptMode;
}

export interface StoredAttempt {
	attempt: StoredAttemptRow;
	events: AttemptEvent[];
}

/** Which rows to read for a results file. */
export type RowScope = { kind: 'trainee'; profileId: string } | { kind: 'cohort'; cohort: string } | { kind: 'all' };

export interface Rows {
	profiles: ProfileRow[];
	attempts: StoredAttemptRow[];
	/** Ordered by attempt, then step. */
	events: EventRow[];
	scenarios: ScenarioRow[];
}

/** An attempt from a results file, already verified by replay, with the row to store for it. */
export interface IncomingAttempt {
	row: StoredAttemptRow;
	/** Its whole log, steps 0…n-1 in order. */
	events: EventRow[];
	/** What the trainer's views derived from it, kept if the attempt is added or extended. */
	record?: Omit<RecordRow, 'attemptId'>;
}

export interface ImportPlan {
	profiles: ProfileRow[];
	attempts: IncomingAttempt[];
	scenarios: ScenarioRow[];
}

/**
 * What happened to one row of an import: `added`; `duplicate` (already here, unchanged);
 * `older` (this PC has the same attempt with more steps); `extended` (this PC had the first
 * steps of it, the rest were added); `conflict` (the id is taken by different content).
 */
export type ImportDecision = 'added' | 'duplicate' | 'older' | 'extended' | 'conflict';

export interface ImportDecisionRow {
	id: string;
	decision: ImportDecision;
	/** Steps this PC had before (attempts only). */
	stepsBefore?: number;
	/** What the id is already taken by (the results module puts it in words). */
	conflict?: 'different-attempt' | 'different-events' | 'different-scenario';
}

export interface ImportOutcome {
	profiles: ImportDecisionRow[];
	attempts: ImportDecisionRow[];
	scenarios: ImportDecisionRow[];
}

export function newId(): string {
	return crypto.randomUUID();
}

const sameEvent = (a: AttemptEvent, b: AttemptEvent) => canonicalJson(a) === canonicalJson(b);

function sameAttempt(a: AttemptRow, b: AttemptRow): boolean {
	return (
		a.profileId === b.profileId &&
		a.scenarioId === b.scenarioId &&
		a.scenarioVersion === b.scenarioVersion &&
		a.scenarioHash === b.scenarioHash &&
		a.seed === b.seed &&
		rulesOf(a) === rulesOf(b)
	);
}

/** A log whose first steps came from a file and the rest were taken here, in step order. */
function joinLog(fromFile: EventRow[], here: EventRow[]): EventRow[] {
	if (!here.length) return fromFile;
	if (!fromFile.length) return here;
	const steps = new Map<number, EventRow>();
	for (const row of [...here, ...fromFile]) steps.set(row.seq, row);
	return [...steps.values()].sort((a, b) => a.seq - b.seq);
}

export class Store {
	private closedBy: ClosedBy = null;
	private readonly versionChangeListeners = new Set<() => void>();
	private readonly blockedListeners = new Set<() => void>();

	constructor(readonly db: FraudDrillDB = new FraudDrillDB()) {
		// Another tab is upgrading the schema: step aside and let the page ask for a reload.
		// Returning false skips Dexie's default, which would quietly reopen the upgraded database
		// on the next write and keep running this tab's older code against it.
		db.on('versionchange', () => {
			this.closedBy = 'versionchange';
			db.close();
			for (const listener of this.versionChangeListeners) listener();
			return false;
		});
		db.on('blocked', () => {
			for (const listener of this.blockedListeners) listener();
		});
	}

	/** Called once another tab upgrades the database; this store is closed by then. */
	onVersionChange(listener: () => void): () => void {
		this.versionChangeListeners.add(listener);
		if (this.closedBy === 'versionchange') listener();
		return () => this.versionChangeListeners.delete(listener);
	}

	/** Called when this tab's upgrade waits for an older tab that keeps the database open. */
	onBlocked(listener: () => void): () => void {
		this.blockedListeners.add(listener);
		return () => this.blockedListeners.delete(listener);
	}

	private async guarded<T>(what: string, run: () => Promise<T>, transaction?: () => Transaction | null): Promise<T> {
		try {
			return await run();
		} catch (e) {
			if (e instanceof StorageError) throw e;
			const problem = classifyError(e, transaction?.()?.idbtrans?.error);
			throw new StorageError(problem, `${what}: ${explain(problem, this.closedBy, e)}`, e);
		}
	}

	/** A read-write transaction over `tables`: all of `run` is written, or none of it. */
	private write<T>(what: string, tables: Table[], run: () => Promise<T>): Promise<T> {
		let transaction: Transaction | null = null;
		return this.guarded(
			what,
			() =>
				this.db.transaction('rw', tables, () => {
					transaction = Dexie.currentTransaction;
					return run();
				}),
			() => transaction
		);
	}

	createProfile(input: NewProfile): Promise<ProfileRow> {
		const name = input.name.trim();
		if (!name) return Promise.reject(new Error('A profile needs a name.'));
		const row: ProfileRow = {
			id: newId(),
			name: name.slice(0, 80),
			employeeNo: (input.employeeNo ?? '').trim().slice(0, 40),
			branch: (input.branch ?? '').trim().slice(0, 80),
			cohort: (input.cohort ?? '').trim().slice(0, 40),
			createdAt: Date.now()
		};
		return this.write('Saving the profile failed', [this.db.profiles], async () => {
			await this.db.profiles.add(row);
			return row;
		});
	}

	listProfiles(): Promise<ProfileRow[]> {
		return this.guarded('Reading profiles failed', async () =>
			(await this.db.profiles.orderBy('name').toArray()).map(restoreProfile)
		);
	}

	getProfile(id: string): Promise<ProfileRow | undefined> {
		return this.guarded('Reading the profile failed', async () => {
			const row = await this.db.profiles.get(id);
			return row && restoreProfile(row);
		});
	}

	/** The cohort codes in use on this PC, sorted, without the empty one. */
	listCohorts(): Promise<string[]> {
		return this.guarded('Reading cohorts failed', async () =>
			((await this.db.profiles.orderBy('cohort').uniqueKeys()) as string[]).filter((c) => c !== '')
		);
	}

	startAttempt(input: NewAttempt): Promise<StoredAttemptRow> {
		const now = Date.now();
		const row: StoredAttemptRow = {
			...input,
			rules: CURRENT_RULES,
			id: newId(),
			status: 'active',
			startedAt: now,
			updatedAt: now,
			summary: null,
			origin: 'local',
			verification: null
		};
		return this.write('Starting the attempt failed', [this.db.attempts], async () => {
			await this.db.attempts.add(row);
			return row;
		});
	}

	/** The attempt and its events in order, or undefined if there is no such attempt. */
	loadAttempt(id: string): Promise<StoredAttempt | undefined> {
		return this.guarded('Reading the attempt failed', () =>
			this.db.transaction('r', this.db.attempts, this.db.events, this.db.logs, async () => {
				const attempt = await this.db.attempts.get(id);
				if (!attempt) return undefined;
				const log = (await this.logsOf([id], false)).get(id)!;
				return {
					attempt: restoreAttempt(attempt),
					events: log.map((r) => r.event)
				};
			})
		);
	}

	/**
	 * Stores event number `seq` (0-based) of an attempt. The key [attemptId+seq] makes a second
	 * writer of the same step (another tab) fail with a 'conflict' instead of forking the log.
	 */
	appendEvent(attemptId: string, seq: number, event: AttemptEvent): Promise<void> {
		return this.appendEvents(attemptId, seq, [event]);
	}

	/**
	 * Appends events `seq`, `seq + 1`, … of an attempt in ONE transaction: all are saved or none
	 * (a decision and the seconds that passed before it are one write). The smallest write that keeps
	 * the log safe: the events, and the attempt's `updatedAt`, which moves strictly forward, so a
	 * derived record kept for the trainer (keyed by it, `recordKey`) no longer matches and is not
	 * used; it need not be deleted here.
	 */
	appendEvents(attemptId: string, seq: number, events: AttemptEvent[]): Promise<void> {
		const now = Date.now();
		const rows: EventRow[] = events.map((event, i) => ({ attemptId, seq: seq + i, event, at: now }));
		return this.write('Saving your last step failed', [this.db.events, this.db.attempts], async () => {
			// Every request in flight at once (a round trip each, not one after another); `add`, not
			// `bulkAdd`, so a clash is the same ConstraintError as ever. The attempt row is read and
			// put back rather than modified through a cursor (a cursor is three round trips).
			await Promise.all([
				...rows.map((row) => this.db.events.add(row)),
				this.db.attempts.get(attemptId).then((a) => {
					if (a) return this.db.attempts.put({ ...a, updatedAt: Math.max(now, a.updatedAt + 1) });
				})
			]);
		});
	}

	finishAttempt(id: string, summary: AttemptSummary): Promise<void> {
		const now = Date.now();
		return this.write('Saving the result failed', [this.db.attempts, this.db.records], async () => {
			const a = await this.db.attempts.get(id);
			// `updatedAt` moves strictly forward (as with every step), so views kept of the attempts see a change.
			if (a) await this.db.attempts.put({ ...a, status: 'finished', summary, updatedAt: Math.max(now, a.updatedAt + 1) });
			await this.db.records.delete(id);
		});
	}

	attemptsOf(profileId: string): Promise<StoredAttemptRow[]> {
		return this.guarded('Reading attempts failed', async () =>
			(await this.db.attempts.where('profileId').equals(profileId).reverse().sortBy('startedAt')).map(restoreAttempt)
		);
	}

	/** Finished and active attempts of every trainee on this PC, newest first. */
	listAttempts(): Promise<StoredAttemptRow[]> {
		return this.guarded('Reading attempts failed', async () =>
			(await this.db.attempts.orderBy('startedAt').reverse().toArray()).map(restoreAttempt)
		);
	}

	/** One consistent read of the rows a results file holds (scenarios only when asked: backups). */
	readRows(scope: RowScope, withScenarios = false): Promise<Rows> {
		const { profiles, attempts, events, scenarios, logs } = this.db;
		return this.guarded('Reading the results failed', () =>
			this.db.transaction('r', [profiles, attempts, events, logs, scenarios], async () => {
				const profileRows =
					scope.kind === 'trainee'
						? await profiles.where('id').equals(scope.profileId).toArray()
						: scope.kind === 'cohort'
							? await profiles.where('cohort').equals(scope.cohort).toArray()
							: await profiles.toArray();
				const attemptRows =
					scope.kind === 'all'
						? await attempts.toArray()
						: await attempts
								.where('profileId')
								.anyOf(profileRows.map((p) => p.id))
								.toArray();
				attemptRows.sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
				const logs = await this.logsOf(
					attemptRows.map((a) => a.id),
					scope.kind === 'all'
				);
				const eventRows = attemptRows.flatMap((a) => logs.get(a.id) ?? []);
				return {
					profiles: profileRows.map(restoreProfile).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
					attempts: attemptRows.map(restoreAttempt),
					events: eventRows,
					scenarios: withScenarios
						? (await scenarios.toArray()).map(({ id, version, hash, doc, importedAt }) => ({ id, version, hash, doc, importedAt }))
						: []
				};
			})
		);
	}

	/**
	 * Every profile and attempt on this PC without their logs, and the state of the database they
	 * are in (one consistent read). Their kept records are read by `readRecords`.
	 */
	readAttempts(): Promise<{ profiles: ProfileRow[]; attempts: StoredAttemptRow[]; basis: StoreBasis }> {
		const { profiles, attempts, scenarios, events } = this.db;
		return this.guarded('Reading the results failed', () =>
			this.db.transaction('r', [profiles, attempts, scenarios, events], async () => {
				const [p, a, basis] = await Promise.all([profiles.toArray(), attempts.orderBy('startedAt').toArray(), this.basis()]);
				return { profiles: p.map(restoreProfile), attempts: a.map(restoreAttempt), basis };
			})
		);
	}

	/**
	 * Up to `limit` kept records, in attempt id order, after the one of `after` (from the first when
	 * null). A batch at a time, so that a page reading thousands can paint between batches; a record
	 * says which state of its attempt it was derived from, so batches need no common transaction.
	 */
	readRecords(after: string | null, limit: number): Promise<RecordRow[]> {
		const { records } = this.db;
		return this.guarded('Reading the results failed', () =>
			(after === null ? records.orderBy(':id') : records.where(':id').above(after)).limit(limit).toArray()
		);
	}

	/** The state of the database views are worked out from (inside a transaction over its tables). */
	private async basis(): Promise<StoreBasis> {
		const [attempts, steps, last, profiles, scenarios] = await Promise.all([
			this.db.attempts.count(),
			this.db.events.count(),
			this.db.attempts.where('[origin+updatedAt]').between(['local', Dexie.minKey], ['local', Dexie.maxKey]).last(),
			this.db.profiles.count(),
			this.db.scenarios.count()
		]);
		return { attempts, steps, lastLocal: last?.updatedAt ?? 0, profiles, scenarios };
	}

	/**
	 * A kept view and the database's state now, in one quick transaction (a few small requests,
	 * however many attempts are stored): the view holds while its basis equals the state now.
	 */
	readView(key: string): Promise<{ basis: StoreBasis; kept: ViewRow | undefined }> {
		const { profiles, attempts, scenarios, views, events } = this.db;
		return this.guarded('Reading the results failed', () =>
			this.db.transaction('r', [profiles, attempts, scenarios, views, events], async () => {
				const [basis, kept] = await Promise.all([this.basis(), views.get(key)]);
				return { basis, kept };
			})
		);
	}

	/** Keeps a view worked out from the database in the state `row.basis`. */
	keepView(row: ViewRow): Promise<void> {
		return this.write('Keeping the dashboard failed', [this.db.views], async () => {
			await this.db.views.put(row);
		});
	}

	/** The logs of some attempts, each in step order. */
	readLogs(attemptIds: string[]): Promise<Map<string, EventRow[]>> {
		return this.guarded('Reading the results failed', () =>
			this.db.transaction('r', this.db.events, this.db.logs, () => this.logsOf(attemptIds, false))
		);
	}

	/** Keeps records derived from attempts; one whose attempt is gone is not kept. */
	saveRecords(rows: RecordRow[]): Promise<void> {
		return this.write('Saving the derived records failed', [this.db.attempts, this.db.records], async () => {
			const present = await this.db.attempts.bulkGet(rows.map((r) => r.attemptId));
			await this.db.records.bulkPut(rows.filter((_, i) => present[i]));
		});
	}

	/**
	 * Reads whole logs inside a transaction over `events` and `logs`: the steps that came from a
	 * file, then those taken here, in step order. Every log of the PC in one pass over each table;
	 * some of them in one cursor over the ranges of the event table's key.
	 */
	private async logsOf(attemptIds: string[], all: boolean): Promise<Map<string, EventRow[]>> {
		const fromFiles = new Map<string, EventRow[]>();
		const here = new Map<string, EventRow[]>(attemptIds.map((id) => [id, []]));
		if (all) {
			await this.db.logs.each((row) => fromFiles.set(row.attemptId, row.events));
			// The primary key [attemptId+seq] keeps each log together and in step order.
			await this.db.events.each((row) => here.get(row.attemptId)?.push(row));
		} else {
			// As below: only the logs that exist, found from the keys (a get per attempt of an import of
			// thousands of new ones cost half a second).
			const withLog = new Set(await this.db.logs.toCollection().primaryKeys());
			for (const row of await this.db.logs.bulkGet(attemptIds.filter((id) => withLog.has(id))))
				if (row) fromFiles.set(row.attemptId, row.events);
			// Only the attempts that have steps taken here, found from the keys alone (one request;
			// Dexie's inAnyRange over thousands of ranges took seconds of the trainer's import), then
			// each of their logs by its key range, the requests in flight together.
			const withSteps = new Set((await this.db.events.toCollection().primaryKeys()).map(([id]) => id));
			await Promise.all(
				attemptIds
					.filter((id) => withSteps.has(id))
					.map(async (id) => {
						here.set(id, await this.db.events.where('[attemptId+seq]').between([id, 0], [id, Infinity]).toArray());
					})
			);
		}
		return new Map(attemptIds.map((id) => [id, joinLog(fromFiles.get(id) ?? [], here.get(id)!)]));
	}

	/**
	 * Adds what a results file holds, in one transaction: all of it is decided and written, or
	 * (on any failure) nothing is. A profile or attempt already here is left as it is.
	 */
	importRows(plan: ImportPlan): Promise<ImportOutcome> {
		const { profiles, attempts, events, scenarios } = this.db;
		const { records, logs, views } = this.db;
		return this.write('Importing the results failed', [profiles, attempts, events, logs, scenarios, records, views], async () => {
			const outcome: ImportOutcome = {
				profiles: [],
				attempts: [],
				scenarios: []
			};

			const knownProfiles = await profiles.bulkGet(plan.profiles.map((p) => p.id));
			const newProfiles = plan.profiles.filter((_, i) => !knownProfiles[i]);
			plan.profiles.forEach((p, i) =>
				outcome.profiles.push({
					id: p.id,
					decision: knownProfiles[i] ? 'duplicate' : 'added'
				})
			);
			await profiles.bulkAdd(newProfiles);

			const knownScenarios = await scenarios.bulkGet(plan.scenarios.map((s): [string, number] => [s.id, s.version]));
			const newScenarios: ScenarioRow[] = [];
			plan.scenarios.forEach((s, i) => {
				const known = knownScenarios[i];
				if (!known) newScenarios.push(s);
				const decision: ImportDecision = !known ? 'added' : known.hash === s.hash ? 'duplicate' : 'conflict';
				outcome.scenarios.push({
					id: `${s.id}@${s.version}`,
					decision,
					...(decision === 'conflict' ? { conflict: 'different-scenario' as const } : {})
				});
			});
			await scenarios.bulkAdd(newScenarios);

			const ids = plan.attempts.map((a) => a.row.id);
			const stored = new Set(await attempts.toCollection().primaryKeys());
			const knownRows = new Map(
				(await attempts.bulkGet(ids.filter((id) => stored.has(id)))).flatMap((a) => (a ? [[a.id, a] as const] : []))
			);
			const knownAttempts = ids.map((id) => knownRows.get(id));
			const knownLogs = await this.logsOf(ids, false);
			const rowsToPut: StoredAttemptRow[] = [];
			const recordsToPut: RecordRow[] = [];
			const logsToPut: LogRow[] = [];
			/** Kept with the whole log from the file, which replaces the steps that were here. */
			const keep = (incoming: IncomingAttempt) => {
				rowsToPut.push(incoming.row);
				logsToPut.push({ attemptId: incoming.row.id, events: incoming.events });
				if (incoming.record) recordsToPut.push({ attemptId: incoming.row.id, ...incoming.record });
			};
			plan.attempts.forEach((incoming, i) => {
				const known = knownAttempts[i];
				const id = incoming.row.id;
				const had = knownLogs.get(id)!;
				if (!known && had.length === 0) {
					keep(incoming);
					outcome.attempts.push({ id, decision: 'added' });
					return;
				}
				if (!known || !sameAttempt(portableAttempt(restoreAttempt(known)), incoming.row)) {
					outcome.attempts.push({
						id,
						decision: 'conflict',
						conflict: 'different-attempt'
					});
					return;
				}
				const bring = incoming.events;
				let common = 0;
				while (common < had.length && common < bring.length && sameEvent(had[common]!.event, bring[common]!.event))
					common++;
				const stepsBefore = had.length;
				if (common === had.length && common === bring.length)
					outcome.attempts.push({ id, decision: 'duplicate', stepsBefore });
				else if (common === bring.length) outcome.attempts.push({ id, decision: 'older', stepsBefore });
				else if (common === had.length) {
					keep(incoming);
					outcome.attempts.push({ id, decision: 'extended', stepsBefore });
				} else
					outcome.attempts.push({
						id,
						decision: 'conflict',
						conflict: 'different-events',
						stepsBefore
					});
			});
			await attempts.bulkPut(rowsToPut);
			for (const { attemptId } of logsToPut)
				if (knownLogs.get(attemptId)!.length)
					await events.where('[attemptId+seq]').between([attemptId, 0], [attemptId, Infinity]).delete();
			await logs.bulkPut(logsToPut);
			// A kept record must come from the whole log as it now is: the one the file's attempt gave, or none.
			await records.bulkDelete(rowsToPut.map((r) => r.id));
			await records.bulkPut(recordsToPut);
			// An attempt from a file keeps the time its own PC gave it, so the views' basis cannot tell
			// that one changed: the views kept go instead.
			if (rowsToPut.length) await views.clear();
			return outcome;
		});
	}

	/** Cohorts the trainer has defined, by code. */
	cohortDefinitions(): Promise<CohortRow[]> {
		return this.guarded('Reading cohorts failed', async () =>
			(await this.db.cohorts.orderBy('code').toArray()).map(restoreCohort)
		);
	}

	/**
	 * Saves a cohort and its assignment. `dueDate`: a local day "YYYY-MM-DD" or null; the page checks
	 * it first (`checkDueDate`) and says what is wrong in the trainer's language. Left out, an
	 * existing cohort keeps its due date.
	 */
	saveCohort(input: { code: string; name: string; scenarioIds: string[]; dueDate?: string | null }): Promise<CohortRow> {
		const code = input.code.trim().slice(0, 40);
		if (!code) return Promise.reject(new Error('A cohort needs a code.'));
		if (input.dueDate && !isDay(input.dueDate))
			return Promise.reject(new Error(`The due date "${input.dueDate}" is not a calendar day (YYYY-MM-DD).`));
		return this.write('Saving the cohort failed', [this.db.cohorts], async () => {
			const existing = await this.db.cohorts.get(code);
			const row: CohortRow = {
				code,
				name: input.name.trim().slice(0, 80) || code,
				scenarioIds: [...new Set(input.scenarioIds)],
				createdAt: existing?.createdAt ?? Date.now(),
				dueDate: input.dueDate === undefined ? (existing ? restoreCohort(existing).dueDate : null) : input.dueDate
			};
			await this.db.cohorts.put(row);
			return row;
		});
	}


	/** Scenarios a trainer imported on this PC (all versions). */
	listScenarios(): Promise<ScenarioRow[]> {
		return this.guarded('Reading imported scenarios failed', () => this.db.scenarios.toArray());
	}

	/** One imported scenario, by id and version. */
	getScenario(id: string, version: number): Promise<ScenarioRow | undefined> {
		return this.guarded('Reading the scenario failed', () => this.db.scenarios.get([id, version]));
	}

	/** Keeps what the graph check found for an imported scenario (see `ScenarioRow.facts`). */
	saveScenarioFacts(id: string, version: number, hash: string, facts: NonNullable<ScenarioRow['facts']>): Promise<void> {
		return this.write('Saving the scenario failed', [this.db.scenarios], async () => {
			const row = await this.db.scenarios.get([id, version]);
			if (row?.hash === hash) await this.db.scenarios.put({ ...row, facts });
		});
	}

	/** Stores a checked scenario document; the same id and version with other content is refused. */
	saveScenario(row: ScenarioRow): Promise<'added' | 'unchanged'> {
		return this.write('Saving the scenario failed', [this.db.scenarios], async () => {
			const existing = await this.db.scenarios.get([row.id, row.version]);
			if (existing?.hash === row.hash) {
				if (!existing.facts && row.facts) await this.db.scenarios.put({ ...existing, facts: row.facts });
				return 'unchanged';
			}
			if (existing)
				throw new StorageError(
					'conflict',
					`version ${row.version} of "${row.id}" is already stored with other content; give the new document a higher version`
				);
			await this.db.scenarios.add(row);
			return 'added';
		});
	}

}
