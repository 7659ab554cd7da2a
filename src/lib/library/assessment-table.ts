/**
 * The assessment table of a set of scenarios, as `npm run scenarios:check` prints it: for each
 * scenario the options per decision point, the length cue and how each test-taking strategy fares;
 * then the set's length cue against chance.
 */
import type { CheckReport } from './check';
import { LONGEST_OVER_CHANCE, STRATEGIES, lengthCueOverall } from './assessment';

const SHORT: Record<(typeof STRATEGIES)[number], string> = {
	'longest-zh': 'longest zh',
	'longest-en': 'longest en',
	cautious: 'cautious',
	'never-intervene': 'never intervene',
	'first-option': 'first option'
};

export function assessmentTable(reports: CheckReport[]): { text: string; ok: boolean } {
	const rows = reports.filter((r) => r.assessment && r.summary);
	const header = ['scenario', 'kind', 'points', 'min opts', 'longest good zh/en', 'chance', ...STRATEGIES.map((s) => SHORT[s])];
	const lines = [header];
	const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : '—');
	for (const r of rows) {
		const a = r.assessment!;
		lines.push([
			r.summary!.id,
			a.honest ? 'honest' : 'scam',
			String(a.decisionPoints),
			String(a.minOptions),
			`${pct(a.lengthCue.longestGood.zh, a.lengthCue.points)} / ${pct(a.lengthCue.longestGood.en, a.lengthCue.points)}`,
			pct(a.lengthCue.chance, a.lengthCue.points),
			...a.strategies.map(
				(s) => `${s.passes ? 'PASS' : 'fail'} ${Math.round(100 * s.passRate)}%${s.mustFail && s.passes ? ' ✗' : ''}`
			)
		]);
	}
	const overall = lengthCueOverall(rows.map((r) => r.assessment!));
	const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
	const fmt = (l: string[]) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ');
	const strategyOk = rows.every((r) => r.assessment!.strategies.every((s) => !(s.mustFail && s.passes)));
	const text = [
		'Assessment (strategies: share of 200 seeds passed; a strategy passes a scenario at ≥ 5 %; ✗ = passes where it must fail):',
		fmt(header),
		...lines.slice(1).map(fmt),
		`Length cue over the set: the longest option is a good one at ${pct(overall.longestGood.zh, overall.points)} (zh) / ${pct(overall.longestGood.en, overall.points)} (en) of ${overall.points} decision points; chance ${pct(overall.chance, overall.points)}, limit chance + ${LONGEST_OVER_CHANCE} points: ${overall.ok ? 'ok' : 'EXCEEDED'}`,
		`Strategies: ${strategyOk ? 'each fails every scenario where it is the wrong policy' : 'a strategy passes where it must fail (✗)'}`
	].join('\n');
	return { text, ok: overall.ok };
}
