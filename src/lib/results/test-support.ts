/**
 * Shared set-up for the results tests: stores on fake-indexeddb (import 'fake-indexeddb/auto'
 * first), the small test scenario with its real hash and scoring facts, and attempts played the
 * way the play page plays them (every accepted event stored, the result saved at the end).
 */
import { replay } from '../attempt/replay';
import { scoreAttempt } from '../attempt/score';
import { rulesOf } from '../attempt/rules';
import { scoringFacts } from '../scenario/analyse';
import type { AttemptEvent } from '../scenario/compile';
import { contentHash } from '../scenario/hash';
import { FraudDrillDB, type AttemptMode } from '../storage/db';
import { Store } from '../storage/store';
import { miniDoc, miniScenario } from '../../../tests/unit/fixtures';
import { scenarioResolver } from './import';
import type { ResolvedScenario } from './verify';

let n = 0;
export const freshStore = (label = 'pc') => new Store(new FraudDrillDB(`${label}-${++n}-${Date.now()}`));

export const tick = (seconds: number): AttemptEvent => ({ type: 'clock.tick', seconds });
export const choose = (action: string): AttemptEvent => ({ type: 'trainee.choose', action });
export const flag = (item: string): AttemptEvent => ({ type: 'trainee.flag', item });

/** Logs of the mini scenario: a stopped fraud with the red flag found, a loss, an unfinished one. */
export const LOGS = {
	stopped: [tick(12), flag('on-phone'), choose('ask-purpose'), tick(5), choose('call-110')],
	lost: [tick(3), choose('process')],
	unfinished: [tick(15), choose('ask-purpose')]
} satisfies Record<string, AttemptEvent[]>;

export interface Mini extends ResolvedScenario {
	hash: string;
}

export async function mini(): Promise<Mini> {
	const scenario = miniScenario();
	return { scenario, scoring: scoringFacts(scenario), hash: await contentHash(miniDoc()) };
}

export const resolverFor = (...known: Mini[]) => scenarioResolver(known);

/** Plays `events` on `store` as the play page would, and returns the attempt's id. */
export async function play(
	store: Store,
	m: Mini,
	profileId: string,
	events: readonly AttemptEvent[],
	options: { seed?: number; mode?: AttemptMode; attemptId?: string } = {}
): Promise<string> {
	const id =
		options.attemptId ??
		(
			await store.startAttempt({
				profileId,
				scenarioId: m.scenario.id,
				scenarioVersion: m.scenario.version,
				scenarioHash: m.hash,
				seed: options.seed ?? 7,
				mode: options.mode ?? 'practice'
			})
		).id;
	const stored = await store.loadAttempt(id);
	const from = stored?.events.length ?? 0;
	for (let seq = from; seq < events.length; seq++) await store.appendEvent(id, seq, events[seq]!);
	const state = replay(m.scenario, stored?.attempt.seed ?? options.seed ?? 7, events);
	if (state.snapshot.status === 'done') {
		const s = scoreAttempt(m.scenario, state.snapshot.context, m.scoring.maxPoints, rulesOf((await store.loadAttempt(id))!.attempt));
		await store.finishAttempt(id, { overall: s.overall, passed: s.passed, outcome: s.outcome, ending: s.ending });
	}
	return id;
}

/** Every row of every table, to show that something changed nothing. */
export async function snapshot(store: Store) {
	const { db } = store;
	return {
		profiles: await db.profiles.toArray(),
		attempts: await db.attempts.toArray(),
		events: await db.events.toArray(),
		logs: await db.logs.toArray(),
		records: await db.records.toArray(),
		scenarios: await db.scenarios.toArray()
	};
}
