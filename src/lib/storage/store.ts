/**
 * Everything the app stores, behind one small API. Writes are transactions: a failure leaves
 * nothing half-written, and comes back as a StorageError that says what happened.
 */
import type { AttemptEvent } from '$lib/scenario/compile';
import {
	FraudDrillDB,
	type AttemptMode,
	type AttemptRow,
	type AttemptSummary,
	type EventRow,
	type ProfileRow
} from './db';

export type StorageProblem = 'quota' | 'closed' | 'conflict' | 'blocked' | 'unavailable' | 'unknown';

export class StorageError extends Error {
	constructor(
		readonly problem: StorageProblem,
		message: string,
		readonly cause?: unknown
	) {
		super(message);
		this.name = 'StorageError';
	}
}

function errorName(e: unknown): string {
	return e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
}

/** Dexie and browsers report a full disk in several ways, sometimes wrapped in an AbortError. */
export function classifyError(e: unknown): StorageProblem {
	const names = [errorName(e)];
	let inner: unknown = e;
	for (let depth = 0; depth < 4 && inner && typeof inner === 'object'; depth++) {
		inner = (inner as { inner?: unknown; cause?: unknown }).inner ?? (inner as { cause?: unknown }).cause;
		if (inner) names.push(errorName(inner));
	}
	const message = e instanceof Error ? e.message : String(e);
	if (names.some((n) => n === 'QuotaExceededError') || /quota/i.test(message)) return 'quota';
	if (names.some((n) => n === 'ConstraintError')) return 'conflict';
	if (names.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError')) return 'closed';
	if (names.some((n) => n === 'BlockedError' || n === 'VersionChangeError')) return 'blocked';
	if (names.some((n) => n === 'MissingAPIError' || n === 'OpenFailedError')) return 'unavailable';
	return 'unknown';
}

async function guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof StorageError) throw e;
		const problem = classifyError(e);
		throw new StorageError(problem, `${what}: ${e instanceof Error ? e.message : String(e)}`, e);
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
	attempt: AttemptRow;
	events: AttemptEvent[];
}

export function newId(): string {
	return crypto.randomUUID();
}

export class Store {
	constructor(readonly db: FraudDrillDB = new FraudDrillDB()) {}

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
		return guarded('Saving the profile failed', async () => {
			await this.db.profiles.add(row);
			return row;
		});
	}

	listProfiles(): Promise<ProfileRow[]> {
		return guarded('Reading profiles failed', () => this.db.profiles.orderBy('name').toArray());
	}

	getProfile(id: string): Promise<ProfileRow | undefined> {
		return guarded('Reading the profile failed', () => this.db.profiles.get(id));
	}

	startAttempt(input: NewAttempt): Promise<AttemptRow> {
		const now = Date.now();
		const row: AttemptRow = { ...input, id: newId(), status: 'active', startedAt: now, updatedAt: now, summary: null };
		return guarded('Starting the attempt failed', async () => {
			await this.db.attempts.add(row);
			return row;
		});
	}

	/** The attempt and its events in order, or undefined if there is no such attempt. */
	loadAttempt(id: string): Promise<StoredAttempt | undefined> {
		return guarded('Reading the attempt failed', () =>
			this.db.transaction('r', this.db.attempts, this.db.events, async () => {
				const attempt = await this.db.attempts.get(id);
				if (!attempt) return undefined;
				const rows = await this.db.events.where('[attemptId+seq]').between([id, 0], [id, Infinity]).toArray();
				return { attempt, events: rows.map((r) => r.event) };
			})
		);
	}

	/**
	 * Stores event number `seq` (0-based) of an attempt. The key [attemptId+seq] makes a second
	 * writer of the same step (another tab) fail with a 'conflict' instead of forking the log.
	 */
	appendEvent(attemptId: string, seq: number, event: AttemptEvent): Promise<void> {
		const row: EventRow = { attemptId, seq, event, at: Date.now() };
		return guarded('Saving your last step failed', () =>
			this.db.transaction('rw', this.db.events, this.db.attempts, async () => {
				await this.db.events.add(row);
				await this.db.attempts.update(attemptId, { updatedAt: row.at });
			})
		);
	}

	finishAttempt(id: string, summary: AttemptSummary): Promise<void> {
		return guarded('Saving the result failed', async () => {
			await this.db.attempts.update(id, { status: 'finished', summary, updatedAt: Date.now() });
		});
	}

	attemptsOf(profileId: string): Promise<AttemptRow[]> {
		return guarded('Reading attempts failed', () =>
			this.db.attempts.where('profileId').equals(profileId).reverse().sortBy('startedAt')
		);
	}
}
