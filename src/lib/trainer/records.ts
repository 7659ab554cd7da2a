/** Everything stored on this PC, replayed into one record per attempt for the trainer's views. */
import { deriveRecord, type AttemptRecord } from '$lib/analytics/records';
import type { Store } from '$lib/storage';
import type { EventRow } from '$lib/storage/db';
import type { KnownScenario } from './library';

export interface LoadedRecords {
	records: AttemptRecord[];
	/** Attempts whose scenario version this PC does not know (kept, but not analysed). */
	unknownScenario: number;
	profiles: number;
}

export async function loadRecords(store: Store, known: KnownScenario[]): Promise<LoadedRecords> {
	const rows = await store.readRows({ kind: 'all' });
	const byVersion = new Map(known.map((k) => [`${k.scenario.id}@${k.scenario.version}`, k]));
	const profiles = new Map(rows.profiles.map((p) => [p.id, p]));
	const events = new Map<string, EventRow[]>();
	for (const e of rows.events) {
		let list = events.get(e.attemptId);
		if (!list) events.set(e.attemptId, (list = []));
		list.push(e);
	}
	const records: AttemptRecord[] = [];
	let unknownScenario = 0;
	for (const attempt of rows.attempts) {
		const k = byVersion.get(`${attempt.scenarioId}@${attempt.scenarioVersion}`);
		const profile = profiles.get(attempt.profileId);
		if (!k || !profile) {
			unknownScenario++;
			continue;
		}
		records.push(deriveRecord(k.scenario, k.scoring, profile, attempt, events.get(attempt.id) ?? []));
	}
	return { records, unknownScenario, profiles: rows.profiles.length };
}

/** Saves text as a file through the browser's download. */
export function download(text: string, fileName: string, type: string) {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
