import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { FraudDrillDB, SCHEMA_VERSION } from './db';
import { Store, StorageError } from './store';

let n = 0;
const freshName = () => `tabs-${++n}-${Date.now()}`;

/** The app as a later release will be: one schema version more. */
class NextReleaseDB extends FraudDrillDB {
	constructor(name: string) {
		super(name);
		this.version(SCHEMA_VERSION + 1).stores({ profiles: 'id, name, cohort, employeeNo' });
	}
}

const newAttempt = (profileId: string) => ({
	profileId,
	scenarioId: 'mini',
	scenarioVersion: 1,
	scenarioHash: 'ab',
	seed: 1,
	mode: 'practice' as const
});

describe('two tabs', () => {
	it('never loses or duplicates an event when both write the same attempt', async () => {
		const name = freshName();
		const tabA = new Store(new FraudDrillDB(name));
		const tabB = new Store(new FraudDrillDB(name));
		const p = await tabA.createProfile({ name: 'A' });
		const a = await tabA.startAttempt(newAttempt(p.id));
		// Both tabs try to write steps 0…4 at once: each step is stored exactly once.
		const results = await Promise.allSettled(
			[0, 1, 2, 3, 4].flatMap((seq) => [
				tabA.appendEvent(a.id, seq, { type: 'clock.tick', seconds: 10 + seq }),
				tabB.appendEvent(a.id, seq, { type: 'clock.tick', seconds: 20 + seq })
			])
		);
		const refused = results.filter((r) => r.status === 'rejected');
		expect(refused).toHaveLength(5);
		for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ problem: 'conflict' });
		const events = (await tabB.loadAttempt(a.id))!.events;
		expect(events).toHaveLength(5);
		expect(await tabA.db.events.where('[attemptId+seq]').between([a.id, 0], [a.id, Infinity]).count()).toBe(5);
	});

	it('closes this tab and asks it to reload when another tab upgrades the schema', async () => {
		const name = freshName();
		const store = new Store(new FraudDrillDB(name));
		const onVersionChange = vi.fn();
		store.onVersionChange(onVersionChange);
		const p = await store.createProfile({ name: 'A' });
		const a = await store.startAttempt(newAttempt(p.id));

		const newer = new NextReleaseDB(name);
		await newer.open();
		expect(newer.verno).toBe(SCHEMA_VERSION + 1);
		expect(onVersionChange).toHaveBeenCalledTimes(1);
		expect(store.db.isOpen()).toBe(false);

		const error = await store.appendEvent(a.id, 0, { type: 'clock.tick', seconds: 1 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error).toMatchObject({ problem: 'closed' });
		expect((error as StorageError).message).toMatch(/another tab opened a newer version.*Reload/);
		// A listener that subscribes late still hears about it.
		const late = vi.fn();
		store.onVersionChange(late);
		expect(late).toHaveBeenCalledTimes(1);
		// The newer tab has all the data.
		expect(await newer.attempts.get(a.id)).toMatchObject({ id: a.id, origin: 'local' });
		newer.close();
	});

	it('tells this tab when its upgrade waits for an older tab that keeps the database open', async () => {
		const name = freshName();
		// An old tab that ignores requests to close.
		const stubborn = new FraudDrillDB(name);
		stubborn.on('versionchange', () => false);
		await stubborn.profiles.add({ id: 'p', name: 'A', employeeNo: '', branch: '', cohort: '', createdAt: 1 });

		const store = new Store(new NextReleaseDB(name));
		const onBlocked = vi.fn();
		store.onBlocked(onBlocked);
		const reading = store.listProfiles();
		await vi.waitFor(() => expect(onBlocked).toHaveBeenCalled());
		stubborn.close();
		expect((await reading).map((p) => p.id)).toEqual(['p']);
		store.db.close();
	});
});
