import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { scoringFacts } from '$lib/scenario/analyse';
import { contentHash } from '$lib/scenario/hash';
import { getStore } from '$lib/storage';
import { miniDoc, miniScenario } from '../../../tests/unit/fixtures';
import { checkedScenario, importedCatalogue, importedScenarioOf, onImported } from './imported';

async function storeWithMini(doc: ReturnType<typeof miniDoc> = miniDoc()) {
	const store = await getStore();
	const row = { id: doc.id, version: doc.version, hash: await contentHash(doc), doc, importedAt: 1 };
	await store.saveScenario(row);
	return { store, row };
}

describe('scenarios imported on this PC', () => {
	it('are checked again when read, and their scoring facts are worked out once and kept', async () => {
		const { store, row } = await storeWithMini();
		expect(row).not.toHaveProperty('facts');
		const found = await checkedScenario(row);
		expect(found).toEqual({ scenario: miniScenario(), scoring: scoringFacts(miniScenario()), hash: row.hash });
		expect((await store.getScenario(row.id, row.version))?.facts).toEqual(scoringFacts(miniScenario()));

		const [entry] = await importedCatalogue();
		expect(entry).toMatchObject({ id: row.id, version: row.version, hash: row.hash, imported: true });
		expect(onImported([entry!], { scenarioId: row.id, scenarioVersion: row.version })).toBe(true);
		expect(onImported([entry!], { scenarioId: row.id, scenarioVersion: row.version + 1 })).toBe(false);
	});

	it('are found from an attempt only with the same id, version and content', async () => {
		const { store, row } = await storeWithMini();
		const p = await store.createProfile({ name: 'Trainee' });
		const attempt = (hash: string) =>
			store.startAttempt({ profileId: p.id, scenarioId: row.id, scenarioVersion: row.version, scenarioHash: hash, seed: 1, mode: 'practice' });
		const good = await attempt(row.hash);
		expect(await importedScenarioOf(good.id)).toMatchObject({ hash: row.hash, scenario: { id: row.id } });
		const other = await attempt('0'.repeat(64));
		expect(await importedScenarioOf(other.id)).toEqual({ problem: 'no-scenario', id: row.id, version: row.version });
		expect(await importedScenarioOf('no-such-attempt')).toEqual({ problem: 'no-attempt' });
	});

	it('that no longer pass validation are refused with the reason, and left out of the library', async () => {
		const doc = miniDoc();
		doc.id = 'mini-broken';
		(doc.beats[0]!.actions[1] as { next: string }).next = 'nowhere';
		const { row } = await storeWithMini(doc);
		const found = await checkedScenario(row);
		expect(found).toMatchObject({ problem: 'invalid' });
		expect('detail' in found && found.detail).toMatch(/next beat "nowhere" does not exist/);
		expect((await importedCatalogue()).map((e) => e.id)).not.toContain('mini-broken');
	});
});
