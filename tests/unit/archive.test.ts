/**
 * Results from before the assessment rules changed: their scenario versions are kept unchanged in
 * `scenarios/archive`, so an old results file still imports and verifies, with the score it was
 * given under the rules it was played under — never silently re-scored.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseScenario } from '$lib/scenario/validate';
import { contentHash } from '$lib/scenario/hash';
import { analyseScenario, scoringFacts } from '$lib/scenario/analyse';
import { replayContext } from '$lib/analytics/records';
import { scoreAttempt } from '$lib/attempt/score';
import { bundleJson, exportBundle } from '$lib/results/export';
import { importFile } from '$lib/results/import';
import { freshStore, play, resolverFor, type Mini } from '$lib/results/test-support';

const archived = readdirSync('scenarios/archive').filter((f) => f.endsWith('.json'));

async function known(path: string): Promise<Mini> {
	const doc = JSON.parse(readFileSync(path, 'utf8'));
	const scenario = parseScenario(doc, path);
	return { scenario, scoring: scoringFacts(scenario), hash: await contentHash(doc) };
}

describe('the archive', () => {
	it.each(archived)('%s is an earlier version of a scenario the app ships, unchanged', (file) => {
		const [id, version] = file.replace(/\.json$/, '').split('@');
		const doc = JSON.parse(readFileSync(`scenarios/archive/${file}`, 'utf8'));
		expect(doc.id).toBe(id);
		expect(doc.version).toBe(Number(version));
		const current = JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8'));
		expect(current.version).toBeGreaterThan(doc.version);
	});
});

describe('a results file from before rules 2', () => {
	it('imports and verifies against the archived version, with the score it had under rules 1', async () => {
		const old = await known('scenarios/archive/fake-police-safe-account@1.json');
		const current = await known('scenarios/fake-police-safe-account.json');
		expect(old.hash).not.toBe(current.hash);

		// A trainee played version 1 under rules 1: the app of then stored no `rules`.
		const pc = freshStore('old-trainee-pc');
		const profile = await pc.createProfile({ name: '陈晓', employeeNo: 'E0007' });
		const analysis = analyseScenario(old.scenario);
		const paths = [analysis.best, analysis.naive, analysis.worst];
		const ids: string[] = [];
		for (const path of paths) {
			// A seed under which the path plays out as the check found it (timer times are drawn).
			let seed = 1;
			while (
				replayContext(old.scenario, seed, path.events).applied < path.events.length ||
				replayContext(old.scenario, seed, path.events).context.ending === null
			)
				seed++;
			ids.push(await play(pc, old, profile.id, path.events, { seed, mode: 'assessment' }));
		}
		const bundle = JSON.parse(bundleJson(await exportBundle(pc, { kind: 'all' })));
		const underRules1 = new Map<string, number>();
		for (const a of bundle.attempts) {
			delete a.rules;
			const events = bundle.events
				.filter((e: { attemptId: string }) => e.attemptId === a.id)
				.map((e: { event: unknown }) => e.event);
			const s = scoreAttempt(
				old.scenario,
				replayContext(old.scenario, a.seed, events).context,
				old.scoring.maxPoints,
				1
			);
			a.summary = { overall: s.overall, passed: s.passed, outcome: s.outcome, ending: s.ending };
			underRules1.set(a.id, s.overall);
		}
		const file = { name: 'results-2026-11.json', text: JSON.stringify(bundle) };

		// On a trainer's PC with this version of the app: verified, score as it was.
		const trainer = freshStore('trainer-pc');
		const report = await importFile(trainer, file, resolverFor(current, old));
		expect(report.problems).toEqual([]);
		expect(report.flagged.map((f) => f.reason.en)).toEqual([]);
		for (const id of ids) {
			const stored = (await trainer.loadAttempt(id))!.attempt;
			expect(stored.verification).toBe('verified');
			expect(stored.rules).toBeUndefined();
			expect(stored.summary?.overall).toBe(underRules1.get(id));
		}
		// The same logs scored under rules 2 would differ: nothing was re-scored.
		const rescored = bundle.attempts.map(
			(a: { id: string; seed: number }) =>
				scoreAttempt(
					old.scenario,
					replayContext(
						old.scenario,
						a.seed,
						bundle.events
							.filter((e: { attemptId: string }) => e.attemptId === a.id)
							.map((e: { event: unknown }) => e.event)
					).context,
					old.scoring.maxPoints,
					2
				).overall
		);
		expect(rescored).not.toEqual(bundle.attempts.map((a: { id: string }) => underRules1.get(a.id)));

		// Without the archived version, the file is still kept, flagged as unverifiable (never re-scored).
		const elsewhere = freshStore('trainer-pc-without-archive');
		const flagged = await importFile(elsewhere, file, resolverFor(current));
		expect(flagged.flagged.length).toBe(ids.length);
		for (const id of ids) expect((await elsewhere.loadAttempt(id))!.attempt.verification).toBe('unverifiable');
	});
});
