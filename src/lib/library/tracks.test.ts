import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { allScenarios } from '../../../tests/unit/scenario-files';
import { checkTracks, formatTracks, libraryTracks } from './tracks';

const raw = readFileSync('scenarios/curriculum/tracks.json', 'utf8');
const shipped = allScenarios()
	.filter((s) => s.file !== 'fixtures/mini.json')
	.map((s) => s.scenario);

const edit = (change: (doc: { tracks: { id: string; audience: string; steps: { scenario: string; level: string }[] }[] }) => void) => {
	const doc = JSON.parse(raw);
	change(doc);
	return JSON.stringify(doc);
};

describe('the curriculum', () => {
	it('validates, and every shipped scenario is in a track of its audience', () => {
		const r = checkTracks(raw, shipped);
		expect(r.problems).toEqual([]);
		expect(r.tracks!.tracks.map((t) => t.audience).sort()).toEqual(['accountant', 'teller']);
		for (const s of shipped) {
			const tracks = r.tracks!.tracks.filter((t) => t.steps.some((x) => x.scenario === s.id));
			expect(tracks.length, s.id).toBeGreaterThan(0);
			for (const t of tracks) expect([t.audience, 'both']).toContain(s.meta.audience);
		}
	});

	it('reports an entry whose scenario file is missing, apart from the file\'s own problems', () => {
		const r = checkTracks(raw, shipped.filter((s) => s.id !== 'boss-qq-group'));
		expect(r.problems).toEqual([]);
		expect(r.missing).toContainEqual(expect.stringMatching(/track "accountant", step \d+ \("boss-qq-group"\): there is no scenarios\/boss-qq-group\.json/));
	});

	it('finds a level out of order, a scenario in the wrong track, one twice, and one in no track', () => {
		const r = checkTracks(
			edit((doc) => {
				const teller = doc.tracks.find((t) => t.id === 'teller')!;
				teller.steps[0]!.level = 'advanced';
				teller.steps.push({ ...teller.steps[1]! });
				const accountant = doc.tracks.find((t) => t.id === 'accountant')!;
				accountant.steps.push({ ...teller.steps.find((s) => s.scenario === 'fake-police-safe-account')!, level: 'advanced' });
				accountant.steps = accountant.steps.filter((s) => s.scenario !== 'boss-qq-group');
			}),
			shipped,
			'tracks.json'
		);
		expect(r.problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/track "teller", step 2 .*: "introductory" after "advanced"/),
				expect.stringMatching(/track "teller", step \d+ .*: the scenario is in this track twice/),
				expect.stringMatching(/track "accountant", step \d+ \("fake-police-safe-account"\): the scenario is for tellers, the track for accountants/),
				'tracks.json: scenario "boss-qq-group" is in no track: add it where it belongs in the accountant track'
			])
		);
	});

	it('says where a malformed file is wrong', () => {
		expect(checkTracks('{', shipped, 'tracks.json').problems[0]).toMatch(/^tracks\.json: not valid JSON/);
		const r = checkTracks(edit((doc) => (doc.tracks[0]!.steps[0]!.level = 'expert')), shipped, 'tracks.json');
		expect(r.problems).toEqual([expect.stringMatching(/^tracks\.json: tracks\[0\]\.steps\[0\]\.level: /)]);
	});

	it('the library shows only the steps this build has, in order', () => {
		const { tracks } = checkTracks(raw, shipped);
		const ids = new Set(['otp-code-at-counter', 'investment-customer-decides', 'boss-qq-group']);
		const shown = libraryTracks(tracks!, ids);
		expect(shown.find((t) => t.id === 'teller')!.steps.map((s) => s.scenario)).toEqual([
			'otp-code-at-counter',
			'investment-customer-decides'
		]);
		expect(formatTracks(tracks!, shipped)).toMatch(/teller \(teller\): .* steps, \d+ present/);
	});
});
