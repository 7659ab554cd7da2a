import { describe, expect, it } from 'vitest';
import { analysePaths, layoutPaths, linkPath } from './paths';
import { beatPath, deriveRecord, type AttemptRecord } from './records';
import { firstAttempts } from './items';
import { scoringFacts, type ScoringFacts } from '../scenario/analyse';
import { COMPETENCIES } from '../scenario/vocabulary';
import { advance, indexScenario, startContext } from '../scenario/compile';
import { resolveSetup } from '../attempt/setup';
import { eventsOf } from './records';
import { plantedCohort, plantedScenario } from '../../../tests/fixtures/planted';
import { generateCohort } from '../../../tests/fixtures/cohort';
import { allScenarios } from '../../../tests/unit/scenario-files';

const cohort = plantedCohort();
const facts = scoringFacts(plantedScenario);
const profiles = new Map(cohort.profiles.map((p) => [p.id, p]));
const records = cohort.attempts.map((a) =>
	deriveRecord(plantedScenario, facts, profiles.get(a.profileId)!, a, cohort.events.filter((e) => e.attemptId === a.id))
);

/** A record with just a route, for the layering cases. */
const route = (path: string[], ending: string | null): AttemptRecord => ({ ...records[0]!, path, ending });

describe('paths of the planted cohort', () => {
	it('counts the moves and the endings as planted', () => {
		const p = analysePaths(plantedScenario, firstAttempts(records, plantedScenario).units);
		expect(p.n).toBe(20);
		expect(p.ended).toBe(20);
		expect(p.links.map((l) => [l.source, l.target, l.count, l.share, l.back])).toEqual([
			['counter', 'check', 15, 0.75, false],
			['counter', 'lost', 5, 0.25, false],
			['check', 'stopped', 15, 0.75, false]
		]);
		const node = (id: string) => p.nodes.find((n) => n.id === id);
		expect(node('counter')).toMatchObject({ kind: 'beat', layer: 0, attempts: 20, share: 1 });
		expect(node('check')).toMatchObject({ kind: 'beat', layer: 1, attempts: 15 });
		expect(node('stopped')).toMatchObject({ kind: 'ending', layer: 2, attempts: 15, share: 0.75, outcome: 'fraud-stopped' });
		expect(node('lost')).toMatchObject({ kind: 'ending', layer: 2, attempts: 5, share: 0.25, outcome: 'money-lost' });
		expect(node('manager')).toBeUndefined(); // nobody reached it
		expect(p.layers).toBe(3);
	});
});

describe('layering', () => {
	it('breaks a cycle (a beat visited twice) and counts each move', () => {
		const p = analysePaths(plantedScenario, [
			route(['counter', 'check', 'counter', 'check'], 'stopped'),
			route(['counter', 'check'], 'stopped'),
			route(['counter'], 'lost')
		]);
		const link = (s: string, t: string) => p.links.find((l) => l.source === s && l.target === t)!;
		expect(link('counter', 'check')).toMatchObject({ count: 3, back: false });
		expect(link('check', 'counter')).toMatchObject({ count: 1, back: true });
		expect(p.nodes.find((n) => n.id === 'counter')).toMatchObject({ attempts: 3, visits: 4, layer: 0 });
		expect(p.nodes.find((n) => n.id === 'check')).toMatchObject({ attempts: 2, visits: 3, layer: 1 });
		expect(p.nodes.find((n) => n.id === 'stopped')!.layer).toBe(2);
	});

	it('layers by longest path and puts every ending in the last layer', () => {
		// counter → manager directly, and counter → check → manager: manager is two layers in.
		const p = analysePaths(plantedScenario, [route(['counter', 'manager'], 'lost'), route(['counter', 'check', 'manager'], 'stopped'), route(['counter'], 'lost')]);
		const layer = Object.fromEntries(p.nodes.map((n) => [n.id, n.layer]));
		expect(layer).toEqual({ counter: 0, check: 1, manager: 2, stopped: 3, lost: 3 });
	});

	it('places nodes without overlap, links inside their nodes, labels with room', () => {
		const p = analysePaths(plantedScenario, [
			...Array(6).fill(route(['counter', 'check'], 'stopped')),
			route(['counter', 'check', 'counter', 'check', 'manager'], 'lost'),
			route(['counter'], 'lost')
		]);
		const l = layoutPaths(p, { width: 900, nodeWidth: 14, endLabelWidth: 180, maxNodeHeight: 160, minSlot: 32, gap: 10, top: 4 });
		for (const a of l.nodes)
			for (const b of l.nodes)
				if (a !== b && a.layer === b.layer) expect(a.y + a.slot <= b.y || b.y + b.slot <= a.y).toBe(true);
		for (const n of l.nodes) {
			expect(n.x + 14 + n.labelWidth).toBeLessThanOrEqual(900);
			expect(n.labelWidth).toBeGreaterThan(100);
		}
		for (const link of l.links) {
			const s = l.nodes.find((n) => n.id === link.source)!;
			const t = l.nodes.find((n) => n.id === link.target)!;
			expect(link.y0 - link.width / 2).toBeGreaterThanOrEqual(s.y - 1e-9);
			expect(link.y0 + link.width / 2).toBeLessThanOrEqual(s.y + s.height + 1e-9);
			expect(link.y1 + link.width / 2).toBeLessThanOrEqual(t.y + t.height + 1e-9);
			expect(linkPath(link, 14, l.height)).toMatch(/^M[\d.]+,[\d.]+C/);
		}
		expect(l.height).toBeGreaterThan(160);
	});
});

describe('beatPath', () => {
	it('agrees with the stepper on every attempt of a generated cohort of all scenarios', () => {
		const scenarios = allScenarios().map((e) => e.scenario);
		// Scores do not matter here: placeholder scoring facts spare the graph check of every scenario.
		const points = Object.fromEntries(COMPETENCIES.map((k) => [k, 10])) as ScoringFacts['maxPoints'];
		const facts = Object.fromEntries(scenarios.map((s) => [s.id, { maxPoints: points, best: [] }]));
		const generated = generateCohort({ trainees: 6, scenarios, seed: 7, facts });
		const byId = new Map(scenarios.map((s) => [s.id, s]));
		for (const attempt of generated.attempts) {
			const scenario = byId.get(attempt.scenarioId)!;
			const ix = indexScenario(scenario);
			let c = startContext(scenario, resolveSetup(scenario, attempt.seed));
			const seen = [c.beat];
			for (const event of eventsOf(generated.events.filter((e) => e.attemptId === attempt.id))) {
				c = advance(ix, c, event);
				if (c.ending === null && c.beat !== seen.at(-1)) seen.push(c.beat);
			}
			const path = beatPath(scenario, c.log);
			// Every beat the stepper stood at after an event is on the path, in order (the path may
			// also hold a beat passed through within one event).
			let i = 0;
			for (const beat of path) if (beat === seen[i]) i++;
			expect(i, `${attempt.scenarioId} ${attempt.id}: ${seen.join(' → ')} vs ${path.join(' → ')}`).toBe(seen.length);
			for (const d of c.log) if (d.kind === 'choice') expect(path).toContain(d.beat);
		}
	});
});
