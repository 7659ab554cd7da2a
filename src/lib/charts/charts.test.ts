/**
 * The chart components rendered on the server (no browser needed): what they draw must be what the
 * analytics computed, readable through the data attributes an end-to-end test also reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { locale } from '$lib/i18n/locale.svelte';
import '$lib/i18n/trainer-messages'; // the trainer's strings, as the trainer's layout loads them
import {
	competencyProfile,
	overInterventionRate,
	progressOverTime,
	redFlagMissRates,
	scoreDistribution,
	timeToFirstIntervention
} from '$lib/analytics/cohort';
import type { ChartLabels } from '$lib/analytics/labels';
import type { AttemptRecord } from '$lib/analytics/records';
import ScoreHistogram from './ScoreHistogram.svelte';
import CompetencyProfile from './CompetencyProfile.svelte';
import MissHeatmap from './MissHeatmap.svelte';
import InterventionBoxes from './InterventionBoxes.svelte';
import ProgressLine from './ProgressLine.svelte';
import OverInterventionBars from './OverInterventionBars.svelte';
import { missColour } from './scales';
import { contrast, textOn } from './format';

/** Attributes of every element that has `attr`, in document order. */
function elementsWith(html: string, attr: string): Record<string, string>[] {
	const found: Record<string, string>[] = [];
	for (const tag of html.matchAll(/<([a-z]+)\s([^>]*)>/g)) {
		const attrs: Record<string, string> = { tag: tag[1]! };
		for (const a of tag[2]!.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
		if (attr in attrs) found.push(attrs);
	}
	return found;
}
const num = (s: string | undefined) => Number(s);

const labels: ChartLabels = {
	scenarios: {
		a: { zh: '冒充公检法', en: 'Fake police' },
		b: { zh: '真实购房客户', en: 'Honest house buyer' },
		c: { zh: '投资返利', en: 'Investment' }
	},
	clues: { x: { zh: '一直在通话', en: 'Always on the phone' }, y: { zh: '安全账户', en: 'A "safe account"' } }
};

let n = 0;
function rec(scenarioId: 'a' | 'b' | 'c', fields: Partial<AttemptRecord>): AttemptRecord {
	n++;
	return {
		attemptId: `r${n}`,
		seed: n,
		rules: 2,
		traineeId: `t${n % 3}`,
		traineeName: `学员${n % 3}`,
		employeeNo: `E${n % 3}`,
		branch: '营业部',
		cohort: 'A',
		scenarioId,
		scenarioVersion: 1,
		scamType: scenarioId === 'b' ? 'legitimate' : 'fake-police',
		audience: 'teller',
		mode: 'assessment',
		startedAt: Date.UTC(2025, 2, 3, 2),
		finished: true,
		outcome: scenarioId === 'b' ? 'honest-served' : 'fraud-stopped',
		ending: 'end',
		overall: 50,
		passed: false,
		competencies: { detect: 50, verify: 50, intervene: null, communicate: 50, comply: 50, timeliness: 50 },
		moneyProtected: 0,
		moneyLost: 0,
		redFlags: [],
		falseAlarms: 0,
		decisions: [],
		path: [],
		firstInterventionAt: null,
		durationSeconds: 100,
		ignoredEvents: 0,
		summaryAgrees: true,
		...fields
	};
}
const shown = (clue: string, found: boolean) => ({ clue, shown: true, found, timeToMark: found ? 5 : null });

const records: AttemptRecord[] = [
	rec('a', { overall: 95, passed: true, redFlags: [shown('x', true), shown('y', false)], firstInterventionAt: 60 }),
	rec('a', { overall: 91, passed: true, redFlags: [shown('x', false), shown('y', false)], firstInterventionAt: 180 }),
	rec('a', { overall: 35, redFlags: [shown('x', false), { clue: 'y', shown: false, found: false, timeToMark: null }] }),
	rec('b', { overall: 80, passed: true, decisions: [{ beat: 'b', action: 'x', verdict: 'poor', at: 3 }] }),
	rec('b', { overall: 10, outcome: 'complaint', competencies: { detect: null, verify: 0, intervene: 0, communicate: 10, comply: 20, timeliness: 0 } }),
	rec('c', { overall: 55, startedAt: Date.UTC(2025, 2, 5, 2), redFlags: [shown('y', true)], firstInterventionAt: 240 })
];

afterEach(() => locale.set('zh'));

describe('ScoreHistogram', () => {
	const data = scoreDistribution(records);

	it('draws one panel per scenario and one bar per bin, sized by its count', () => {
		const { body } = render(ScoreHistogram, { props: { data, labels } });
		expect(elementsWith(body, 'data-scenario').map((p) => p['data-scenario'])).toEqual(['a', 'b', 'c']);
		const bars = elementsWith(body, 'data-bin');
		expect(bars).toHaveLength(30);
		expect(bars.map((b) => num(b['data-value']))).toEqual(data.flatMap((d) => d.bins.map((b) => b.count)));
		// Scenario a has two attempts in the 90s and one in the 30s: the bar twice as tall.
		const a = bars.slice(0, 10);
		expect(num(a[9]!.height)).toBeCloseTo(2 * num(a[3]!.height), 6);
		expect(num(a[0]!.height)).toBe(0);
		expect(body).toContain('冒充公检法');
		expect(body).toContain('<th scope="col">90–100</th>');
	});
});

describe('CompetencyProfile', () => {
	it('draws each competency at its mean, and says which are not assessed', () => {
		const data = competencyProfile(records);
		const { body } = render(CompetencyProfile, { props: { data } });
		const rows = elementsWith(body, 'data-competency');
		expect(rows.map((r) => [r['data-competency'], r['data-value'], num(r['data-n'])])).toEqual(
			data.map((d) => [d.competency, d.mean === null ? '' : String(d.mean), d.n])
		);
		expect(data.find((d) => d.competency === 'intervene')).toEqual({ competency: 'intervene', mean: 0, n: 1 });
		const fills = elementsWith(body, 'class').filter((e) => e.class!.startsWith('fill'));
		// verify: (50·5 + 0) / 6 of the 300-unit bar.
		const verify = data.find((d) => d.competency === 'verify')!;
		expect(num(fills[1]!.width)).toBeCloseTo((300 * verify.mean!) / 100, 6);
		expect(body).toContain('全班能力画像');
	});

	it('shows a sentence instead of an empty chart', () => {
		const { body } = render(CompetencyProfile, { props: { data: competencyProfile([]) } });
		expect(body).toContain('所选范围内还没有已完成的训练记录。');
		expect(body).not.toContain('<svg');
	});
});

describe('MissHeatmap', () => {
	const data = redFlagMissRates(records);

	it('colours and labels every cell with its miss rate, with a legend', () => {
		const { body } = render(MissHeatmap, { props: { data, labels } });
		const cells = elementsWith(body, 'data-clue');
		expect(cells.map((c) => [c['data-scenario'], c['data-clue'], c['data-value'], num(c['data-n'])])).toEqual(
			data.cells.map((c) => [c.scenarioId, c.clue, c.rate === null ? '' : String(c.rate), c.n])
		);
		// a/x: missed 2 of 3; a/y: missed both times it came up; c/y: found.
		expect(data.cells.map((c) => [c.scenarioId, c.clue, c.missed, c.n])).toEqual([
			['a', 'x', 2, 3],
			['a', 'y', 2, 2],
			['c', 'y', 0, 1]
		]);
		expect(body).toContain(`fill="${missColour(1)}"`);
		expect(body).toContain(`fill="${missColour(0)}"`);
		expect(body).toContain('>67%</text>');
		expect(body).toContain('<linearGradient');
		expect(body).toContain('图例');
		// c has no clue x: no cell, and the table says so.
		expect(cells.some((c) => c['data-scenario'] === 'c' && c['data-clue'] === 'x')).toBe(false);
		expect(body).toContain('本场景无此信号');
	});

	it('gives a long English label two lines and its full text, not "On the phone throughout, takin…"', () => {
		locale.set('en');
		// The longest red-flag label of the built-in scenarios.
		const long = 'Accounts at your bank: a new student customer, several accounts taking money in turn';
		const wide: ChartLabels = { ...labels, clues: { ...labels.clues, x: { zh: '全程在通话', en: long } } };
		const { body } = render(MissHeatmap, { props: { data, labels: wide } });
		const label = body.match(/<text[^>]*data-row-label="x"[^>]*>(.*?)<\/text>/s)![1]!;
		expect(label).toContain(`<title>${long}</title>`);
		const lines = [...label.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((m) => m[1]);
		expect(lines).toHaveLength(2);
		expect(lines.join(' ')).toBe(long);
		expect(body).not.toContain('…');
	});

	it('keeps cell text legible (4.5:1) at every miss rate', () => {
		for (let i = 0; i <= 100; i++) {
			const fill = missColour(i / 100);
			expect(contrast(textOn(fill), fill), `${i}%: ${fill}`).toBeGreaterThanOrEqual(4.5);
		}
	});
});

describe('InterventionBoxes', () => {
	it('draws the quartiles and a dot per attempt that intervened, and counts those that never did', () => {
		const data = timeToFirstIntervention(records);
		const { body } = render(InterventionBoxes, { props: { data, labels } });
		const rows = elementsWith(body, 'data-p50');
		// b, the honest house buyer, is not a row: serving her without intervening is no failure.
		expect(rows.map((r) => [r['data-scenario'], r['data-p25'], r['data-p50'], r['data-p75'], r['data-never']])).toEqual([
			['a', '90', '120', '150', '1'],
			['c', '240', '240', '240', '0']
		]);
		expect(elementsWith(body, 'data-value').map((d) => num(d['data-value']))).toEqual([60, 180, 240]);
		expect(body).toContain('<td>2:00</td>');
		expect(body).toContain('1 人次未干预');
		expect(body).not.toContain('真实购房客户');
		expect(body).toContain('真实客户场景不计入');
	});
});

describe('ProgressLine', () => {
	it('plots the mean score and the pass rate of each day', () => {
		const data = progressOverTime(records, {}, (ms) => new Date(ms).toISOString().slice(0, 10));
		const { body } = render(ProgressLine, { props: { data } });
		const points = elementsWith(body, 'data-series');
		expect(points.map((p) => [p['data-day'], p['data-series'], num(p['data-value'])])).toEqual([
			['2025-03-03', 'mean', (95 + 91 + 35 + 80 + 10) / 5],
			['2025-03-03', 'pass', 60],
			['2025-03-05', 'mean', 55],
			['2025-03-05', 'pass', 0]
		]);
		const paths = elementsWith(body, 'd');
		expect(paths).toHaveLength(2);
		expect(paths[0]!.d).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
		// A higher value sits higher on the page.
		expect(num(points[0]!.cy)).toBeLessThan(num(points[3]!.cy));
		expect(body).toContain('>3/3</text>');
	});
});

describe('ProgressLine labels', () => {
	it.each([
		[91, 1],
		[100, 0.9],
		[50, 0.5],
		[0, 0]
	])('keeps the mean (%d) and the pass rate (%d) apart', (meanScore, passRate) => {
		const { body } = render(ProgressLine, { props: { data: [{ day: '2025-03-03', attempts: 4, meanScore, passRate }] } });
		const at = (cls: string) => num(body.match(new RegExp(`<text class="value ${cls}[^"]*"[^>]*y="([\\d.-]+)"`))![1]);
		// 11 px text: baselines at least one line apart, the higher value's label above.
		expect(Math.abs(at('mean-value') - at('pass-value'))).toBeGreaterThanOrEqual(12);
		expect(at('mean-value') < at('pass-value')).toBe(meanScore >= passRate * 100);
		// Above the day's label on the axis (its baseline at 236).
		expect(Math.max(at('mean-value'), at('pass-value'))).toBeLessThan(236 - 12);
	});
});

describe('OverInterventionBars', () => {
	it('draws both measures per honest-customer scenario', () => {
		const data = overInterventionRate(records);
		const { body } = render(OverInterventionBars, { props: { data, labels } });
		const bars = elementsWith(body, 'data-measure');
		expect(bars.map((b) => [b['data-scenario'], b['data-measure'], num(b['data-value']), num(b['data-count'])])).toEqual([
			['b', 'refused', 0.5, 1],
			['b', 'harsh', 0.5, 1]
		]);
		expect(body).toContain('真实购房客户');
	});

	it('says when no honest-customer scenario was played', () => {
		const data = overInterventionRate(records, { scenarioIds: ['a'] });
		const { body } = render(OverInterventionBars, { props: { data, labels } });
		expect(body).toContain('所选范围内没有真实客户场景的训练记录。');
		expect(elementsWith(body, 'data-measure')).toEqual([]);
	});
});

describe('every chart', () => {
	const charts = [
		['ScoreHistogram', ScoreHistogram, { data: scoreDistribution(records), labels }, 'Score distribution per scenario'],
		['CompetencyProfile', CompetencyProfile, { data: competencyProfile(records) }, 'Competency profile of the cohort'],
		['MissHeatmap', MissHeatmap, { data: redFlagMissRates(records), labels }, 'Red flags missed'],
		['InterventionBoxes', InterventionBoxes, { data: timeToFirstIntervention(records), labels }, 'Time to first intervention'],
		['ProgressLine', ProgressLine, { data: progressOverTime(records) }, 'Progress over time'],
		['OverInterventionBars', OverInterventionBars, { data: overInterventionRate(records), labels }, 'Over-intervention with honest customers']
	] as const;

	it.each(charts)('%s has a caption and a labelled data table, in the chosen language', (_, component, props, title) => {
		locale.set('en');
		const { body } = render(component as never, { props: props as never });
		expect(body).toContain(`<span class="title`);
		expect(body).toContain(title);
		expect(body).toMatch(/<details[^>]*><summary[^>]*>Data table<\/summary>/);
		expect(body).toMatch(/<table><caption>[^<]+<\/caption><thead>/);
		expect(body).toContain('scope="row"');
		expect(body).toContain('aria-hidden="true"');
	});

	it.each(charts)('%s opens its table when asked (print)', (_, component, props) => {
		const { body } = render(component as never, { props: { ...props, tableOpen: true } as never });
		expect(body).toMatch(/<details open[^>]*>/);
	});
});
