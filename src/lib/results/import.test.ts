import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { injectFaults } from '../storage/faults';
import { FraudDrillDB } from '../storage/db';
import { Store } from '../storage/store';
import { miniDoc } from '../../../tests/unit/fixtures';
import { bundleJson, exportBundle } from './export';
import { importBundle, importFile, parseBundle, prepareBundle, storePrepared, type ImportReport } from './import';
import type { ResultsBundle } from './bundle';
import { LOGS, choose, freshStore, mini, play, resolverFor, snapshot, tick, type Mini } from './test-support';

let m: Mini;
beforeAll(async () => {
	m = await mini();
});

/** A trainee's PC with one trainee who stopped the fraud and lost the money once. */
async function traineePc() {
	const store = freshStore('trainee-pc');
	const profile = await store.createProfile({ name: '李静', employeeNo: 'E1024', cohort: '2025A' });
	const stopped = await play(store, m, profile.id, LOGS.stopped, { seed: 21, mode: 'assessment' });
	const lost = await play(store, m, profile.id, LOGS.lost, { seed: 22 });
	return { store, profile, stopped, lost };
}

async function fileOf(store: Store, scope: ResultsBundle['scope'] = { kind: 'all' }) {
	return { name: 'results.json', text: bundleJson(await exportBundle(store, scope)) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function tamper(file: { name: string; text: string }, edit: (data: any) => void) {
	const data = JSON.parse(file.text);
	edit(data);
	return { name: 'tampered.json', text: JSON.stringify(data) };
}

const reasons = (items: ImportReport['flagged']) => items.map((i) => i.reason.en).join('\n');

describe('importing results', () => {
	it('prepares a bundle as plain data (what the worker posts back), counting attempts checked, then stores it', async () => {
		const pc = await traineePc();
		const parsed = parseBundle((await fileOf(pc.store)).text);
		if (!parsed.ok) throw new Error('the export does not parse');
		const seen: [number, number][] = [];
		const prepared = await prepareBundle(parsed.bundle, resolverFor(m), 'results.json', (checked, total) => seen.push([checked, total]), 1);
		expect(seen).toEqual([
			[0, 2],
			[1, 2],
			[2, 2]
		]);
		// What crosses from the worker to the page is a structured clone: nothing may be lost in it.
		const posted = structuredClone(prepared);
		const report = await storePrepared(freshStore('trainer-pc'), posted);
		expect(report.counts).toEqual({ imported: 2, skipped: 0, rejected: 0, flagged: 0, profiles: 1, scenarios: 0 });
		const direct = await importBundle(freshStore('trainer-pc-2'), parsed.bundle, resolverFor(m), 'results.json');
		expect(report).toEqual(direct);
	});

	it('imports profiles, attempts and logs, each verified by replay', async () => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		const report = await importFile(trainer, await fileOf(pc.store), resolverFor(m));
		expect(report.problems).toEqual([]);
		expect(report.counts).toEqual({ imported: 2, skipped: 0, rejected: 0, flagged: 0, profiles: 1, scenarios: 0 });
		expect(report.imported.filter((i) => i.kind === 'attempt').map((i) => i.verification)).toEqual([
			'verified',
			'verified'
		]);

		const original = await pc.store.loadAttempt(pc.stopped);
		const copy = await trainer.loadAttempt(pc.stopped);
		expect(copy?.events).toEqual(original?.events);
		expect(copy?.attempt).toMatchObject({
			origin: 'imported',
			verification: 'verified',
			summary: original?.attempt.summary
		});
		expect(copy?.attempt.summary).toMatchObject({ overall: 100, passed: true, outcome: 'fraud-stopped' });
		expect(await trainer.getProfile(pc.profile.id)).toEqual(pc.profile);
	});

	it('changes nothing when the same file is imported twice', async () => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		const file = await fileOf(pc.store);
		await importFile(trainer, file, resolverFor(m));
		const before = await snapshot(trainer);
		const again = await importFile(trainer, file, resolverFor(m));
		expect(await snapshot(trainer)).toEqual(before);
		expect(again.counts).toEqual({ imported: 0, skipped: 2, rejected: 0, flagged: 0, profiles: 0, scenarios: 0 });
		expect(again.skipped.map((i) => i.reason.en)).toEqual(expect.arrayContaining(['already on this PC']));
	});

	it('changes nothing when results played on this PC are imported back into it', async () => {
		const pc = await traineePc();
		const before = await snapshot(pc.store);
		const report = await importFile(pc.store, await fileOf(pc.store), resolverFor(m));
		expect(report.counts.skipped).toBe(2);
		expect(await snapshot(pc.store)).toEqual(before);
	});

	it('keeps one profile per person across files (same id, same person)', async () => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		const first = await fileOf(pc.store);
		await play(pc.store, m, pc.profile.id, LOGS.unfinished, { seed: 23 });
		const second = await fileOf(pc.store);
		await importFile(trainer, first, resolverFor(m));
		const report = await importFile(trainer, second, resolverFor(m));
		expect(report.counts).toMatchObject({ imported: 1, skipped: 2, profiles: 0 });
		expect(report.skipped.filter((i) => i.kind === 'profile')).toHaveLength(1);
		expect(await trainer.listProfiles()).toHaveLength(1);
		expect(await trainer.attemptsOf(pc.profile.id)).toHaveLength(3);
	});

	it('flags a result that does not match its replay, and trusts the replay', async () => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		// The trainee who lost the money claims a pass.
		const file = tamper(await fileOf(pc.store), (d) => {
			const lost = d.attempts.find((a: { id: string }) => a.id === pc.lost);
			lost.summary = { overall: 95, passed: true, outcome: 'fraud-stopped', ending: 'stopped' };
		});
		const report = await importFile(trainer, file, resolverFor(m));
		expect(report.counts).toMatchObject({ imported: 2, flagged: 1 });
		expect(report.flagged[0]).toMatchObject({ id: pc.lost, verification: 'mismatch' });
		expect(reasons(report.flagged)).toMatch(
			/the result in the file \(95%, passed\) does not match its replay \(0%, not passed\)/
		);
		const stored = await trainer.loadAttempt(pc.lost);
		expect(stored?.attempt).toMatchObject({
			verification: 'mismatch',
			summary: { overall: 0, passed: false, outcome: 'money-lost', ending: 'lost' },
			claimedSummary: { overall: 95, passed: true }
		});
	});

	it('flags an event log that was edited after its result was stated', async () => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		// The last decision of the stopped fraud is changed to processing the transfer.
		const file = tamper(await fileOf(pc.store), (d) => {
			const last = d.events.find((e: { attemptId: string; seq: number }) => e.attemptId === pc.stopped && e.seq === 4);
			last.event = choose('process');
		});
		const report = await importFile(trainer, file, resolverFor(m));
		expect(report.flagged.map((i) => [i.id, i.verification])).toEqual([[pc.stopped, 'mismatch']]);
		expect((await trainer.loadAttempt(pc.stopped))?.attempt.summary).toMatchObject({
			outcome: 'money-lost',
			passed: false
		});
	});

	it('flags a log with a duplicated decision (steps renumbered), never "verified", and says which step', async () => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		// The decision at step 3 ("ask-purpose") is copied in as step 4 and the later steps renumbered.
		const file = tamper(await fileOf(pc.store), (d) => {
			const own = d.events.filter((e: { attemptId: string }) => e.attemptId === pc.stopped);
			for (const e of own) if (e.seq >= 3) e.seq++;
			d.events.push({ ...own.find((e: { seq: number }) => e.seq === 2), seq: 3 });
		});
		const report = await importFile(trainer, file, resolverFor(m));
		expect(report.counts).toMatchObject({ imported: 2, rejected: 0, flagged: 1 });
		expect(report.flagged.map((i) => [i.id, i.verification])).toEqual([[pc.stopped, 'mismatch']]);
		const reason = report.flagged[0]!.reason;
		expect(reason.en).toMatch(/^Step 4 had no effect on the replay: the log was edited or damaged/);
		expect(reason.zh).toMatch(/^某一步被重复或改动过：第 4 步在回放中没有作用——记录可能被编辑或损坏/);
		expect(reason.en).not.toMatch(/verified/i);
		expect((await trainer.loadAttempt(pc.stopped))?.attempt.verification).toBe('mismatch');
	});

	it('flags a finished attempt whose log never reaches an ending', async () => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		const file = tamper(await fileOf(pc.store), (d) => {
			d.events = d.events.filter((e: { attemptId: string; seq: number }) => !(e.attemptId === pc.lost && e.seq === 1));
		});
		const report = await importFile(trainer, file, resolverFor(m));
		expect(report.flagged.map((i) => i.id)).toEqual([pc.lost]);
		expect(reasons(report.flagged)).toMatch(/\(0%, not passed\) does not match its replay \(no result\)/);
		expect((await trainer.loadAttempt(pc.lost))?.attempt).toMatchObject({ status: 'active', summary: null });
	});

	it('keeps an attempt whose scenario version is unknown here, marked unverifiable', async () => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		const file = tamper(await fileOf(pc.store), (d) => {
			for (const a of d.attempts) a.scenarioVersion = 7;
		});
		const report = await importFile(trainer, file, resolverFor(m));
		expect(report.counts).toMatchObject({ imported: 2, flagged: 2 });
		expect(report.flagged.every((i) => i.verification === 'unverifiable')).toBe(true);
		expect(reasons(report.flagged)).toMatch(/does not have scenario "mini" version 7 with the same content/);
		expect((await trainer.loadAttempt(pc.stopped))?.attempt).toMatchObject({
			verification: 'unverifiable',
			summary: { overall: 100 }
		});
	});

	it('treats a scenario with the same version but other content as unknown', async () => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		const file = tamper(await fileOf(pc.store), (d) => {
			for (const a of d.attempts) a.scenarioHash = 'f'.repeat(64);
		});
		const report = await importFile(trainer, file, resolverFor(m));
		expect(report.flagged.map((i) => i.verification)).toEqual(['unverifiable', 'unverifiable']);
	});

	it('rejects an attempt whose id is taken here by a different log, and keeps the stored one', async () => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		await importFile(trainer, await fileOf(pc.store), resolverFor(m));
		const before = await snapshot(trainer);
		const forged = tamper(await fileOf(pc.store), (d) => {
			const first = d.events.find((e: { attemptId: string; seq: number }) => e.attemptId === pc.stopped && e.seq === 0);
			first.event = tick(13);
		});
		const report = await importFile(trainer, forged, resolverFor(m));
		expect(report.counts).toMatchObject({ imported: 0, skipped: 1, rejected: 1 });
		expect(report.rejected[0]).toMatchObject({ id: pc.stopped });
		expect(report.rejected[0]!.reason.en).toMatch(/same id but a different event log/);
		expect(await snapshot(trainer)).toEqual(before);
	});

	it('rejects an attempt whose id is taken by another trainee or seed', async () => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		await importFile(trainer, await fileOf(pc.store), resolverFor(m));
		const reseeded = tamper(await fileOf(pc.store), (d) => (d.attempts[0].seed += 1));
		const report = await importFile(trainer, reseeded, resolverFor(m));
		expect(report.rejected.map((i) => i.reason.en)).toEqual([
			expect.stringMatching(/another trainee, scenario or seed/)
		]);
	});

	it('rejects an attempt with a step missing from its log', async () => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		const file = tamper(await fileOf(pc.store), (d) => {
			d.events = d.events.filter(
				(e: { attemptId: string; seq: number }) => !(e.attemptId === pc.stopped && e.seq === 2)
			);
		});
		const report = await importFile(trainer, file, resolverFor(m));
		expect(report.counts).toMatchObject({ imported: 1, rejected: 1 });
		expect(report.rejected[0]!.reason.en).toBe('its event log is incomplete: event 3 is missing; refused');
		expect(await trainer.loadAttempt(pc.stopped)).toBeUndefined();
	});

	it('brings an attempt up to date from a later file, and skips the earlier one afterwards', async () => {
		const store = freshStore('trainee-pc');
		const profile = await store.createProfile({ name: 'A' });
		const id = await play(store, m, profile.id, LOGS.stopped.slice(0, 2));
		const early = await fileOf(store);
		await play(store, m, profile.id, LOGS.stopped, { attemptId: id });
		const late = await fileOf(store);

		const trainer = freshStore('trainer-pc');
		expect((await importFile(trainer, early, resolverFor(m))).counts).toMatchObject({ imported: 1, flagged: 0 });
		expect((await trainer.loadAttempt(id))?.attempt).toMatchObject({ status: 'active', summary: null });
		const update = await importFile(trainer, late, resolverFor(m));
		expect(update.counts).toMatchObject({ imported: 1, skipped: 0 });
		expect(update.imported.find((i) => i.kind === 'attempt')!.reason.en).toMatch(
			/^brought up to date: 3 more steps; verified/
		);
		expect((await trainer.loadAttempt(id))?.events).toEqual(LOGS.stopped);
		expect((await trainer.loadAttempt(id))?.attempt).toMatchObject({ status: 'finished', summary: { overall: 100 } });

		const before = await snapshot(trainer);
		const stale = await importFile(trainer, early, resolverFor(m));
		expect(stale.skipped.find((i) => i.kind === 'attempt')!.reason.en).toMatch(
			/later copy \(5 steps; the file has 2\)/
		);
		expect(await snapshot(trainer)).toEqual(before);
	});
});

describe('files that must change nothing', () => {
	it.each<[string, (text: string) => string, RegExp]>([
		['corrupt', (t) => t.replace(/"seq":/g, '"seq";'), /not valid JSON/],
		['truncated', (t) => t.slice(0, t.length - 40), /incomplete/],
		['oversized', (t) => t + ' '.repeat(2048), /at most/],
		['hostile (__proto__)', (t) => t.replace('"event":{', '"event":{"__proto__":{"isAdmin":true},'), /"__proto__"/],
		[
			'hostile (constructor)',
			(t) => t.replace('"profiles":[{', '"profiles":[{"constructor":{"prototype":{}},'),
			/"constructor"/
		],
		['from a newer app', (t) => t.replace('"formatVersion":1', '"formatVersion":2'), /newer version/],
		['tampered beyond the schema', (t) => t.replace('"mode":"assessment"', '"mode":"cheat"'), /"mode" must be one of/]
	])('a %s file is refused and changes nothing stored', async (_kind, spoil, expected) => {
		const pc = await traineePc();
		const trainer = freshStore('trainer-pc');
		const other = await traineePc();
		await importFile(trainer, await fileOf(other.store), resolverFor(m));
		const before = await snapshot(trainer);
		const good = await fileOf(pc.store);
		const report = await importFile(trainer, { name: 'bad.json', text: spoil(good.text) }, resolverFor(m), {
			maxBytes: good.text.length + 1024
		});
		expect(report.problems.map((p) => p.en).join('\n')).toMatch(expected);
		expect(report.counts).toEqual({ imported: 0, skipped: 0, rejected: 0, flagged: 0, profiles: 0, scenarios: 0 });
		expect(await snapshot(trainer)).toEqual(before);
		expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
	});

	it('a storage failure during the import leaves nothing half-imported', async () => {
		const pc = await traineePc();
		const db = new FraudDrillDB(`trainer-faulty-${Date.now()}`);
		const faults = injectFaults(db);
		const trainer = new Store(db);
		await trainer.createProfile({ name: 'Trainer' });
		const before = await snapshot(trainer);
		faults.fail('quota-abort', 2);
		const report = await importFile(trainer, await fileOf(pc.store), resolverFor(m));
		faults.heal();
		expect(report.storageError?.problem).toBe('quota');
		expect(report.problems[0]!.en).toMatch(/^Nothing was imported: .*out of storage space/);
		expect(await snapshot(trainer)).toEqual(before);
	});
});

describe('backup and restore', () => {
	it('moves everything, imported scenarios included, to a new PC, and verifies with them', async () => {
		const pc = await traineePc();
		// A trainer-imported scenario: the new PC has no other copy of it.
		const doc = miniDoc();
		doc.id = 'mini-custom';
		const custom = { ...m, scenario: { ...m.scenario, id: 'mini-custom' } };
		const { contentHash } = await import('../scenario/hash');
		custom.hash = await contentHash(doc);
		await pc.store.db.scenarios.add({ id: 'mini-custom', version: 1, hash: custom.hash, doc, importedAt: 5 });
		const customAttempt = await play(pc.store, custom, pc.profile.id, LOGS.stopped, { seed: 31 });

		const backup = bundleJson(await exportBundle(pc.store, { kind: 'backup' }));
		const parsed = parseBundle(backup);
		expect(parsed.ok && parsed.bundle.scenarios?.map((s) => s.id)).toEqual(['mini-custom']);

		const newPc = freshStore('new-pc');
		const report = await importFile(newPc, { name: 'backup.json', text: backup }, resolverFor(m));
		expect(report.problems).toEqual([]);
		expect(report.counts).toEqual({ imported: 3, skipped: 0, rejected: 0, flagged: 0, profiles: 1, scenarios: 1 });
		expect((await newPc.loadAttempt(customAttempt))?.attempt.verification).toBe('verified');
		expect(await newPc.db.scenarios.toArray()).toEqual(await pc.store.db.scenarios.toArray());
		// Every step of every log, as it was recorded (the new PC keeps a file's logs one row per attempt).
		const logs = async (store: typeof newPc) => (await store.readRows({ kind: 'all' })).events;
		expect(await logs(newPc)).toEqual(await logs(pc.store));
	});

	it('refuses a scenario document that no longer matches its hash, and cannot verify with it', async () => {
		const pc = await traineePc();
		const doc = miniDoc();
		doc.id = 'mini-custom';
		const { contentHash } = await import('../scenario/hash');
		const hash = await contentHash(doc);
		await pc.store.db.scenarios.add({ id: 'mini-custom', version: 1, hash, doc, importedAt: 5 });
		const custom = { ...m, hash, scenario: { ...m.scenario, id: 'mini-custom' } };
		await play(pc.store, custom, pc.profile.id, LOGS.stopped, { seed: 31 });
		const backup = tamper({ name: 'b', text: bundleJson(await exportBundle(pc.store, { kind: 'backup' })) }, (d) => {
			d.scenarios[0].doc.meta.minutes += 1;
		});
		const newPc = freshStore('new-pc');
		const report = await importFile(newPc, backup, resolverFor(m));
		expect(report.rejected.map((i) => [i.kind, i.reason.en])).toEqual([
			['scenario', expect.stringMatching(/does not match its content hash/)]
		]);
		expect(report.flagged.map((i) => i.verification)).toEqual(['unverifiable']);
		expect(await newPc.db.scenarios.count()).toBe(0);
	});
});

describe('importBundle', () => {
	it('can be called with a parsed bundle directly', async () => {
		const pc = await traineePc();
		const parsed = parseBundle((await fileOf(pc.store)).text);
		if (!parsed.ok) throw new Error('expected a valid file');
		const report = await importBundle(freshStore('trainer-pc'), parsed.bundle, async () => undefined, 'x.json');
		expect(report).toMatchObject({ file: 'x.json', counts: { imported: 2, flagged: 2 } });
	});
});
