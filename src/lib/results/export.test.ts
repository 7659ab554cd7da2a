import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../../package.json';
import { bundleFileName, bundleJson, exportBundle } from './export';
import { parseBundle } from './parse';
import { LOGS, freshStore, mini, play, type Mini } from './test-support';
import type { Store } from '../storage/store';

let m: Mini;
let store: Store;
const ids: Record<string, string> = {};

beforeAll(async () => {
	m = await mini();
	store = freshStore('export');
	const li = await store.createProfile({ name: '李静', cohort: '2025A' });
	const wang = await store.createProfile({ name: 'Wang', cohort: '2025A' });
	const zhao = await store.createProfile({ name: 'Zhao', cohort: '2025B' });
	ids.li = li.id;
	ids.zhao = zhao.id;
	ids.liStopped = await play(store, m, li.id, LOGS.stopped, { seed: 1 });
	ids.liLost = await play(store, m, li.id, LOGS.lost, { seed: 2 });
	ids.wang = await play(store, m, wang.id, LOGS.unfinished, { seed: 3 });
	ids.zhaoAttempt = await play(store, m, zhao.id, LOGS.stopped, { seed: 4 });
	await store.db.scenarios.add({ id: 'custom', version: 2, hash: 'ab', doc: { id: 'custom' }, importedAt: 9 });
});

describe('exportBundle', () => {
	it.each([
		['one trainee', () => ({ kind: 'trainee' as const, value: ids.li! }), ['李静'], () => [ids.liStopped, ids.liLost]],
		[
			'a cohort',
			() => ({ kind: 'cohort' as const, value: '2025A' }),
			['李静', 'Wang'],
			() => [ids.liStopped, ids.liLost, ids.wang]
		],
		['everything', () => ({ kind: 'all' as const }), ['李静', 'Wang', 'Zhao'], () => Object.values(ids).slice(2)]
	])('holds %s: their profiles, attempts and whole logs', async (_name, scope, names, attempts) => {
		const bundle = await exportBundle(store, scope());
		expect(bundle.scope).toEqual(scope());
		expect(bundle.profiles.map((p) => p.name).sort()).toEqual([...names].sort());
		expect(bundle.attempts.map((a) => a.id).sort()).toEqual([...attempts()].sort());
		for (const a of bundle.attempts) {
			const stored = await store.loadAttempt(a.id);
			const log = bundle.events.filter((e) => e.attemptId === a.id);
			expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i));
			expect(log.map((e) => e.event)).toEqual(stored?.events);
			expect(a).toMatchObject({
				seed: stored?.attempt.seed,
				scenarioId: 'mini',
				scenarioVersion: 1,
				scenarioHash: m.hash
			});
			// What this PC thinks of an attempt (origin, verification) is not part of the file.
			expect(Object.keys(a)).not.toContain('origin');
		}
		expect(bundle.events.every((e) => bundle.attempts.some((a) => a.id === e.attemptId))).toBe(true);
		expect(bundle).not.toHaveProperty('scenarios');
	});

	it('adds the imported scenarios to a full backup only', async () => {
		const backup = await exportBundle(store, { kind: 'backup' });
		expect(backup.scenarios).toEqual([{ id: 'custom', version: 2, hash: 'ab', doc: { id: 'custom' }, importedAt: 9 }]);
		expect(backup.attempts).toHaveLength(4);
	});

	it('records the format, the app version and the time', async () => {
		const now = new Date(Date.UTC(2025, 2, 3, 1, 30));
		const bundle = await exportBundle(store, { kind: 'all' }, { now });
		expect(bundle).toMatchObject({
			format: 'fraud-drill-results',
			formatVersion: 1,
			appVersion: pkg.version,
			exportedAt: '2025-03-03T01:30:00.000Z'
		});
	});

	it('writes JSON without a byte-order mark that reads back as the same bundle', async () => {
		const bundle = await exportBundle(store, { kind: 'cohort', value: '2025A' });
		const text = bundleJson(bundle);
		expect(text.charCodeAt(0)).toBe('{'.charCodeAt(0));
		const bytes = new TextEncoder().encode(text);
		expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
		const parsed = parseBundle(text);
		expect(parsed.ok && parsed.bundle).toEqual(bundle);
	});

	it('exports an empty cohort as a valid, empty file', async () => {
		const bundle = await exportBundle(store, { kind: 'cohort', value: 'nobody' });
		expect([bundle.profiles.length, bundle.attempts.length, bundle.events.length]).toEqual([0, 0, 0]);
		expect(parseBundle(bundleJson(bundle)).ok).toBe(true);
	});
});

describe('bundleFileName', () => {
	const at = new Date(2025, 2, 3, 9, 5);
	it.each([
		[{ kind: 'all' as const }, undefined, 'fraud-drill-results-all-20250303-0905.json'],
		[{ kind: 'backup' as const }, undefined, 'fraud-drill-backup-20250303-0905.json'],
		[{ kind: 'cohort' as const, value: '2025A' }, undefined, 'fraud-drill-results-cohort-2025A-20250303-0905.json'],
		[{ kind: 'cohort' as const, value: 'a/b: c*?' }, undefined, 'fraud-drill-results-cohort-a-b-c-20250303-0905.json'],
		[{ kind: 'trainee' as const, value: 'e1f2a3b4-c5d6-4e7f' }, '李静', 'fraud-drill-results-李静-20250303-0905.json'],
		[
			{ kind: 'trainee' as const, value: 'e1f2a3b4-c5d6-4e7f' },
			undefined,
			'fraud-drill-results-e1f2a3b4-20250303-0905.json'
		],
		[{ kind: 'trainee' as const, value: 'x' }, '..\\..\\evil', 'fraud-drill-results-evil-20250303-0905.json']
	])('names %j (%s) as %s', (scope, label, expected) => {
		expect(bundleFileName(scope, at, label)).toBe(expected);
	});
});
