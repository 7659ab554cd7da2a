import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { contentHash } from './hash';
import before from '../../../tests/fixtures/scenario-hashes-2026-11.json';
import mini from '../../../tests/fixtures/mini.json';

const provenance = {
	sources: [{ zh: '某案例', en: 'A case' }],
	brief: ['Scam types'],
	invented: { zh: '人名', en: 'Names' }
};

describe('contentHash', () => {
	it('leaves meta.provenance out: adding or changing it keeps the hash', async () => {
		const plain = await contentHash(mini);
		const withProvenance = { ...mini, meta: { ...mini.meta, provenance } };
		expect(await contentHash(withProvenance)).toBe(plain);
		const changed = { ...mini, meta: { ...mini.meta, provenance: { ...provenance, invented: { zh: '全部', en: 'All' } } } };
		expect(await contentHash(changed)).toBe(plain);
	});

	it('changes with anything else in the document, meta included', async () => {
		const plain = await contentHash(mini);
		expect(await contentHash({ ...mini, meta: { ...mini.meta, minutes: mini.meta.minutes + 1 } })).not.toBe(plain);
		expect(await contentHash({ ...mini, version: mini.version + 1 })).not.toBe(plain);
		expect(await contentHash({ ...mini, meta: { ...mini.meta, provenanceNote: 'x' } })).not.toBe(plain);
	});

	it('accepts what is not a scenario (a damaged backup row) without throwing', async () => {
		for (const odd of [null, 3, 'x', [], { meta: null }, { meta: [] }]) expect(await contentHash(odd)).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('results played before provenance was written', () => {
	// Every scenario version the app shipped in November 2026, with the hash its results name.
	const shipped = [
		...readdirSync('scenarios').filter((f) => f.endsWith('.json')).map((f) => `scenarios/${f}`),
		...readdirSync('scenarios/archive').filter((f) => f.endsWith('.json')).map((f) => `scenarios/archive/${f}`)
	].map((path) => JSON.parse(readFileSync(path, 'utf8')) as { id: string; version: number });

	it.each(before)('$id version $version still has a document with the hash its results name', async (old) => {
		const doc = shipped.find((d) => d.id === old.id && d.version === old.version);
		expect(doc, `scenarios/ or scenarios/archive/ holds ${old.id}@${old.version}`).toBeDefined();
		expect(await contentHash(doc)).toBe(old.hash);
	});
});

describe('hashedJson', () => {
	it('is what contentHash digests, so node:crypto tools (the e2e helper, the bench) agree with the app', async () => {
		const { createHash } = await import('node:crypto');
		const { hashedJson } = await import('./hash');
		const doc = JSON.parse(readFileSync('scenarios/otp-code-at-counter.json', 'utf8'));
		expect(doc.meta.provenance).toBeDefined();
		expect(createHash('sha256').update(hashedJson(doc)).digest('hex')).toBe(await contentHash(doc));
	});
});
