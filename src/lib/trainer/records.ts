/**
 * Everything stored on this PC as one record per attempt, for the trainer's views. Replaying a log
 * is the only source of truth, but replaying 5,000 logs each time the dashboard opens is slow: the
 * records are kept (schema v3; an import keeps those of the attempts it adds) and only attempts
 * that are new, changed, or were derived by an older version of the code or against another
 * scenario document are replayed again.
 */
import { recordKey, replayRecord, withTrainee, type AttemptRecord, type ReplayedRecord } from '$lib/analytics/records';
import type { Store } from '$lib/storage';
import type { ProfileRow, RecordRow, StoreBasis, StoredAttemptRow } from '$lib/storage/db';
import type { KnownScenario } from './library';

export interface LoadedRecords {
	records: AttemptRecord[];
	/** Attempts whose scenario version this PC does not know (kept, but not analysed). */
	unknownScenario: number;
	/** Every trainee profile on this PC, with attempts or not (for the roster). */
	profiles: ProfileRow[];
	/** How many attempts were replayed this time (the rest came from kept records). */
	replayed: number;
	/** Settles when the records replayed this time are kept (it never rejects). */
	saved: Promise<void>;
	/** The state of the database the records were read in (for views kept of them). */
	basis: StoreBasis;
}

function keptRecord(row: RecordRow | undefined, key: string, attemptId: string): ReplayedRecord | null {
	if (!row || row.key !== key || !row.record || typeof row.record !== 'object') return null;
	const record = row.record as ReplayedRecord;
	return record.attemptId === attemptId ? record : null;
}

/** Records are read this many at a time: the page can paint between batches. */
const RECORD_BATCH = 500;

async function readKeptRecords(store: Store): Promise<Map<string, RecordRow>> {
	const kept = new Map<string, RecordRow>();
	for (let after: string | null = null; ; ) {
		const batch = await store.readRecords(after, RECORD_BATCH);
		for (const r of batch) kept.set(r.attemptId, r);
		if (batch.length < RECORD_BATCH) return kept;
		after = batch[batch.length - 1]!.attemptId;
	}
}

/**
 * `library` may still be loading: the stored rows are read meanwhile (the dashboard's first render
 * waits for whichever is slower, not for both in turn).
 */
export async function loadRecords(store: Store, library: KnownScenario[] | Promise<KnownScenario[]>): Promise<LoadedRecords> {
	const [rows, known, kept] = await Promise.all([store.readAttempts(), library, readKeptRecords(store)]);
	const byVersion = new Map(known.map((k) => [`${k.scenario.id}@${k.scenario.version}`, k]));
	const profiles = new Map(rows.profiles.map((p) => [p.id, p]));

	const found: { attempt: StoredAttemptRow; known: KnownScenario; key: string; record: ReplayedRecord | null }[] = [];
	let unknownScenario = 0;
	for (const attempt of rows.attempts) {
		const k = byVersion.get(`${attempt.scenarioId}@${attempt.scenarioVersion}`);
		if (!k || !profiles.has(attempt.profileId)) {
			unknownScenario++;
			continue;
		}
		const key = recordKey(k.hash, attempt);
		found.push({ attempt, known: k, key, record: keptRecord(kept.get(attempt.id), key, attempt.id) });
	}

	const missing = found.filter((f) => !f.record);
	let saved: Promise<void> = Promise.resolve();
	if (missing.length) {
		const logs = await store.readLogs(missing.map((f) => f.attempt.id));
		for (const f of missing) f.record = replayRecord(f.known.scenario, f.known.scoring, f.attempt, logs.get(f.attempt.id)!);
		// Kept only to save time next time: the page does not wait, and a failure changes nothing it shows.
		saved = store
			.saveRecords(missing.map((f) => ({ attemptId: f.attempt.id, key: f.key, record: f.record })))
			.catch(() => undefined);
	}

	return {
		records: found.map((f) => withTrainee(f.record!, profiles.get(f.attempt.profileId)!)),
		unknownScenario,
		profiles: rows.profiles,
		replayed: missing.length,
		saved,
		basis: rows.basis
	};
}
