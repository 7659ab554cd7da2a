/**
 * The current trainee's own attempt records, replayed from their logs, with what they need to be
 * read: for "What to practise next" on their results page. Loaded on demand (a dynamic import):
 * it needs the scenario library with its scoring facts, which the rest of the page does not.
 */
import { replayRecord, withTrainee, type AttemptRecord } from '$lib/analytics/records';
import { chartLabels, type ChartLabels } from '$lib/analytics/labels';
import { practiseCatalogue, practiseNext, type PractiseNext, type TrackStepInfo } from '$lib/analytics/practise';
import { current, loadLibrary } from '$lib/trainer/library';
import { getStore, type ProfileRow } from '$lib/storage';

export interface OwnInsight {
	records: AttemptRecord[];
	practise: PractiseNext;
	labels: ChartLabels;
}

export async function ownInsight(profile: ProfileRow, tracks: readonly { steps: readonly TrackStepInfo[] }[]): Promise<OwnInsight> {
	const known = await loadLibrary();
	const store = await getStore();
	const attempts = (await store.attemptsOf(profile.id)).filter((a) => a.status === 'finished');
	const byVersion = new Map(known.map((k) => [`${k.scenario.id}@${k.scenario.version}`, k]));
	const logs = await store.readLogs(attempts.map((a) => a.id));
	const records: AttemptRecord[] = [];
	for (const a of attempts) {
		const k = byVersion.get(`${a.scenarioId}@${a.scenarioVersion}`);
		if (k) records.push(withTrainee(replayRecord(k.scenario, k.scoring, a, logs.get(a.id) ?? []), profile));
	}
	const scenarios = current(known);
	const labels = chartLabels(scenarios);
	// Suggested scenarios may be played as assessments: name them as the library does, by the
	// neutral situation, never by the scam.
	for (const s of scenarios) if (s.meta.situation) labels.scenarios[s.id] = s.meta.situation.title;
	return {
		records,
		practise: practiseNext(profile.id, records, practiseCatalogue(scenarios, tracks)),
		labels
	};
}
