import { describe, expect, it } from 'vitest';
import { practiseCatalogue, practiseForCohort, practiseNext, scoredCompetencies, type PractiseScenario } from './practise';
import { flag, record } from './test-records';
import type { Scenario } from '../scenario/schema';
import { allScenarios } from '../../../tests/unit/scenario-files';

const catalogue: PractiseScenario[] = [
	{ id: 'police', scamType: 'fake-police', audience: 'teller', competencies: ['detect', 'intervene', 'timeliness'], order: 0 },
	{ id: 'police-2', scamType: 'fake-police', audience: 'teller', competencies: ['communicate'], order: 1 },
	{ id: 'invest', scamType: 'investment', audience: 'teller', competencies: ['verify', 'communicate'], order: 2 },
	{ id: 'honest', scamType: 'legitimate', audience: 'teller', competencies: ['communicate', 'comply'], order: 3 },
	{ id: 'supplier', scamType: 'supplier-fraud', audience: 'accountant', competencies: ['verify', 'comply'], order: 4 },
	{ id: 'otp', scamType: 'otp-takeover', audience: 'both', competencies: ['detect', 'timeliness'], order: 5 }
];

// Trainee t1: detect 40 and timeliness 50 in the police scenario (latest attempt), misses 2 of 3
// fake-police red flags; verify 90 in invest. An older, worse police attempt does not count.
const t1 = [
	record({
		attemptId: 'old',
		scenarioId: 'police',
		startedAt: 1,
		comp: { detect: 0, intervene: 0, timeliness: 0 },
		redFlags: [flag('p1', 'missed'), flag('p2', 'missed'), flag('p3', 'missed')]
	}),
	record({
		attemptId: 'new',
		scenarioId: 'police',
		startedAt: 2,
		comp: { detect: 40, intervene: 80, timeliness: 50 },
		redFlags: [flag('p1', 'found'), flag('p2', 'missed'), flag('p3', 'missed'), flag('p4', 'hidden')]
	}),
	record({
		attemptId: 'inv',
		scenarioId: 'invest',
		scamType: 'investment',
		startedAt: 3,
		passed: true,
		comp: { verify: 90, communicate: 75 },
		redFlags: [flag('i1', 'found'), flag('i2', 'found'), flag('i3', 'found'), flag('i4', 'missed')]
	}),
	record({ attemptId: 'other', traineeId: 't2', scenarioId: 'police', comp: { detect: 100 } })
];

describe('practiseNext', () => {
	const p = practiseNext('t1', t1, catalogue);

	it('names the weak competencies from the latest attempts, lowest first', () => {
		expect(p.scenariosPlayed).toBe(2);
		expect(p.weakCompetencies).toEqual([
			{ competency: 'detect', mean: 40, n: 1 },
			{ competency: 'timeliness', mean: 50, n: 1 }
		]);
	});

	it('names the kinds of red flags missed often, and the flags missed', () => {
		// fake-police: 2 of 3 shown missed; investment: 1 of 4 (below 30 %) is not listed.
		expect(p.missedKinds).toEqual([{ kind: 'fake-police', shown: 3, missed: 2, rate: 2 / 3 }]);
		expect(p.missedFlags).toEqual([
			{ scenarioId: 'invest', clue: 'i4' },
			{ scenarioId: 'police', clue: 'p2' },
			{ scenarioId: 'police', clue: 'p3' }
		]);
	});

	it('suggests scenarios that train them, not passed first, never another role', () => {
		expect(p.suggestions).toEqual([
			// trains detect + timeliness + fake-police signs
			{ scenarioId: 'police', competencies: ['detect', 'timeliness'], kind: 'fake-police', played: true, passed: false },
			// trains detect + timeliness, never played ("both" audiences)
			{ scenarioId: 'otp', competencies: ['detect', 'timeliness'], kind: null, played: false, passed: false },
			// fake-police signs only
			{ scenarioId: 'police-2', competencies: [], kind: 'fake-police', played: false, passed: false }
		]);
		expect(p.suggestions.map((s) => s.scenarioId)).not.toContain('supplier');
	});

	it('puts a passed scenario after those not passed', () => {
		const passedPolice = t1.map((r) => (r.attemptId === 'new' ? { ...r, passed: true } : r));
		expect(practiseNext('t1', passedPolice, catalogue).suggestions.map((s) => s.scenarioId)).toEqual(['otp', 'police-2', 'police']);
	});

	it('suggests nothing for a trainee with nothing weak, or nothing played', () => {
		const strong = [record({ comp: { detect: 95, verify: 70 }, redFlags: [flag('x', 'found')] })];
		expect(practiseNext('t1', strong, catalogue)).toMatchObject({ weakCompetencies: [], missedKinds: [], suggestions: [] });
		expect(practiseNext('nobody', t1, catalogue)).toMatchObject({ scenariosPlayed: 0, suggestions: [] });
	});

	it('for a cohort, one entry per trainee with a finished attempt', () => {
		const all = practiseForCohort(t1, catalogue);
		expect([...all.keys()].sort()).toEqual(['t1', 't2']);
		expect(all.get('t2')!.weakCompetencies).toEqual([]);
		expect(all.get('t1')).toEqual(p);
	});
});

describe('practiseCatalogue', () => {
	const scenarios: Scenario[] = allScenarios().map((s) => s.scenario);

	it('takes what a scenario trains from its curriculum step, in track order', () => {
		const [a, b] = scenarios;
		const cat = practiseCatalogue([a!, b!], [{ steps: [{ scenario: b!.id, competencies: ['comply', 'detect'] }] }]);
		expect(cat[1]).toEqual({ id: b!.id, scamType: b!.meta.scamType, audience: b!.meta.audience, competencies: ['detect', 'comply'], order: 0 });
		// Not in a track: what it scores, last in order.
		expect(cat[0]!.competencies).toEqual(scoredCompetencies(a!));
		expect(cat[0]!.order).toBe(Number.MAX_SAFE_INTEGER);
	});

	it('a scam scenario with red flags trains detecting them', () => {
		const scam = scenarios.find((s) => s.clues.some((c) => c.kind === 'red-flag'))!;
		expect(scoredCompetencies(scam)).toContain('detect');
	});
});
