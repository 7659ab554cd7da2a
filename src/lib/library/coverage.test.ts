import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../scenario/validate';
import type { Scenario } from '../scenario/schema';
import { checkScenarioFile } from './check';
import {
	briefHeadings,
	briefProblems,
	coverageTable,
	repositoryProblems,
	SET_TARGETS,
	setTotals,
	speedDecidedPartial,
	speedProblems,
	totalsReport
} from './coverage';
import mini from '../../../tests/fixtures/mini.json';

/**
 * The mini scenario with a second beat in which the money leaves in stages: choosing "process"
 * sends it, a beat timeout moves 40 % more to lost, and the trainee can still call the bank for a
 * partial stop. `lose` in the timeout is what makes speed decide.
 */
function staged(opts: { timedLoss: boolean; partial: boolean }) {
	const doc = structuredClone(mini) as Record<string, unknown> & typeof mini;
	const beats = doc.beats as unknown as Record<string, unknown>[];
	const counter = beats[0] as { actions: Record<string, unknown>[] };
	counter.actions = counter.actions.map((a) => (a.id === 'process' ? { ...a, next: 'sent' } : a));
	const option = (id: string, next: string, verdict: string) => ({
		id,
		label: { zh: id, en: id },
		next,
		verdict,
		feedback: { zh: '说明', en: 'Why' }
	});
	beats.push({
		id: 'sent',
		title: { zh: '已转出', en: 'Sent' },
		focus: 'terminal',
		prompt: { zh: '怎么办？', en: 'Now what?' },
		actions: [
			option('stop-now', opts.partial ? 'partly' : 'stopped', 'good'),
			option('wait-paper', 'lost', 'poor'),
			option('shrug', 'lost', 'harmful')
		],
		timeout: { after: 60, effects: opts.timedLoss ? { lose: 0.4 } : {} }
	});
	const endings = doc.endings as unknown as Record<string, unknown>[];
	if (opts.partial)
		endings.push({
			id: 'partly',
			outcome: 'partial-loss',
			title: { zh: '部分止付', en: 'Partly stopped' },
			summary: { zh: '部分', en: 'Part' },
			money: 'protected'
		});
	return parseScenario(doc, 'staged.json');
}

/** The staged scenario (timed loss and partial ending) without one of its top-level parts. */
function stagedWithout(part: string) {
	const doc = structuredClone(staged({ timedLoss: true, partial: true })) as Record<string, unknown>;
	delete doc[part];
	return parseScenario(doc, 'staged.json');
}

/** The mini scenario as an honest customer (an honest scenario needs a reassuring clue). */
function honestMini(audience = 'teller') {
	return parseScenario({
		...mini,
		meta: { ...mini.meta, scamType: 'legitimate', audience },
		clues: [{ ...mini.clues[0]!, kind: 'reassuring' }]
	});
}

describe('the speed-decided partial loss', () => {
	it('holds when a timed event moves money and a partial-loss ending is still reachable after it', () => {
		const r = speedDecidedPartial(staged({ timedLoss: true, partial: true }));
		expect(r).toMatchObject({ applies: true, holds: true, ending: 'partly', clock: 'timeout of beat "sent"' });
	});

	it('fails when the partial loss does not depend on time (no timed event moves money)', () => {
		const r = speedDecidedPartial(staged({ timedLoss: false, partial: true }));
		expect(r.applies).toBe(true);
		expect(r.holds).toBe(false);
		expect(r.reason).toMatch(/speed does not decide/);
	});

	it('fails when there is no partial-loss ending at all', () => {
		const r = speedDecidedPartial(staged({ timedLoss: true, partial: false }));
		expect(r).toMatchObject({ applies: true, holds: false, reason: 'has no partial-loss ending' });
	});

	it('does not apply to an honest customer', () => {
		expect(speedDecidedPartial(honestMini())).toMatchObject({ applies: false, holds: false });
	});

	it('fails a scam scenario with no money at risk, even with a timed loss and a partial ending', () => {
		const doc = structuredClone(mini) as Record<string, unknown>;
		delete doc.moneyAtRisk;
		const noMoney = parseScenario(doc);
		expect(noMoney.meta.scamType).not.toBe('legitimate');
		const r = speedDecidedPartial(noMoney);
		expect(r).toMatchObject({ applies: true, holds: false });
		expect(r.reason).toMatch(/^a scam scenario needs money at risk/);
		expect(speedProblems([{ scenario: noMoney, speed: r }])).toEqual([`mini.json: ${r.reason}`]);

		const staged = speedDecidedPartial(stagedWithout('moneyAtRisk'));
		expect(staged).toMatchObject({ applies: true, holds: false });
		expect(staged.reason).toMatch(/^a scam scenario needs money at risk/);
	});
});

describe('totals against the targets', () => {
	const scenario = (audience: string, scamType: string, beats: number, endings: number) =>
		({
			meta: { audience, scamType },
			beats: Array.from({ length: beats }),
			endings: Array.from({ length: endings })
		}) as unknown as Scenario;

	it('counts scenarios, accountants (a "both" scenario included), honest ones, beats and endings', () => {
		const totals = setTotals([
			scenario('teller', 'fake-police', 10, 5),
			scenario('accountant', 'legitimate', 8, 4),
			scenario('both', 'task-scam', 7, 3)
		]);
		expect(totals).toEqual({ scenarios: 3, accountant: 2, honest: 1, decisionPoints: 25, endings: 12 });
	});

	it('names every total that misses its target, and none that reaches it', () => {
		const reached = { ...SET_TARGETS };
		expect(totalsReport(reached).misses).toEqual([]);
		const short = totalsReport({ ...SET_TARGETS, honest: SET_TARGETS.honest - 1, endings: 12 });
		expect(short.misses).toEqual([
			`honest customers: ${SET_TARGETS.honest - 1}, the target is at least ${SET_TARGETS.honest}`,
			`endings: 12, the target is at least ${SET_TARGETS.endings}`
		]);
		expect(short.lines.filter((l) => l.endsWith('misses'))).toHaveLength(2);
	});
});

describe('the coverage table', () => {
	it('has a row for every scam type, honest ones apart, with the speed rule per type', () => {
		const a = staged({ timedLoss: true, partial: true });
		const b = staged({ timedLoss: false, partial: true });
		const honest = honestMini('accountant');
		const text = coverageTable([
			{ scenario: a, speed: speedDecidedPartial(a) },
			{ scenario: b, speed: speedDecidedPartial(b) },
			{ scenario: honest, speed: speedDecidedPartial(honest) }
		]);
		const row = (name: string) => text.split('\n').find((l) => l.startsWith(name + ' '))!.split(/\s{2,}/);
		expect(row('fake-police')).toEqual(['fake-police', '2', '·', '·', '2', '1 of 2']);
		expect(row('honest (legitimate)')).toEqual(['honest (legitimate)', '·', '1', '·', '1', '—']);
		expect(row('task-scam')).toEqual(['task-scam', '·', '·', '·', '·', '—']);
	});
});

describe('provenance', () => {
	it('is required of a scenario shipped in scenarios/, not of a trainer\'s import', () => {
		// As shipped it passes (npm run scenarios:check proves it); without its provenance:
		const doc = JSON.parse(readFileSync('scenarios/otp-code-at-counter.json', 'utf8'));
		delete doc.meta.provenance;
		const shipped = checkScenarioFile('otp-code-at-counter.json', JSON.stringify(doc));
		expect(shipped.problems).toEqual([
			expect.stringMatching(/^otp-code-at-counter\.json: meta: has no "provenance"/)
		]);
		const imported = checkScenarioFile('otp-code-at-counter.json', JSON.stringify(doc), false);
		expect(imported.problems).toEqual([]);
		expect(imported.warnings.join('\n')).not.toMatch(/provenance/);
	}, 300_000); // two whole checks of a scenario: slow on a loaded machine

	it('repositoryProblems is empty once provenance is there', () => {
		const withIt = parseScenario({
			...mini,
			meta: { ...mini.meta, provenance: { sources: [{ zh: '案例', en: 'A case' }], invented: { zh: '人名', en: 'Names' } } }
		});
		expect(repositoryProblems(withIt)).toEqual([]);
		expect(repositoryProblems(parseScenario(mini))).toHaveLength(1);
	});

	it('names the brief\'s sections by their headings or the lines that open them', () => {
		const headings = briefHeadings(
			'# Brief\n## Scam types\n### 1. Fake police / prosecutor, "safe account" (冒充公检法)\n**The customer decides** (seed 003)\n- **Task / click-farming (刷单返利)**: most cases\n| a | b |'
		);
		const withBrief = (brief: string[]) =>
			parseScenario({
				...mini,
				meta: { ...mini.meta, provenance: { sources: [{ zh: '案例', en: 'A case' }], brief, invented: { zh: '人名', en: 'Names' } } }
			});
		expect(briefProblems(withBrief(['1. Fake police / prosecutor', 'The customer decides', 'Task / click-farming']), headings)).toEqual(
			[]
		);
		expect(briefProblems(withBrief(['Fake police', 'Scams', '| a']), headings)).toEqual([
			'mini.json: meta.provenance.brief names "Fake police", which does not open a section of the domain brief',
			'mini.json: meta.provenance.brief names "Scams", which does not open a section of the domain brief',
			'mini.json: meta.provenance.brief names "| a", which does not open a section of the domain brief'
		]);
	});
});
