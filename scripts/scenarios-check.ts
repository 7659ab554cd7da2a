/**
 * `npm run scenarios:check [--set] [file…]`: validates scenario documents (all of `scenarios/` by
 * default), checks each graph, and prints what a trainer or author needs to know, then what the set
 * covers (totals against issue 12's targets, scam type × audience, the speed-decided partial loss,
 * provenance) and the curriculum's tracks. Exits non-zero on any problem.
 *
 * `--set` also holds the whole set to its targets: the totals, every track entry's scenario present,
 * every provenance's brief section found in the brief. Without it they are printed, not enforced,
 * so that checking one file (or a set still being written) works.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { checkScenarioFile, formatReport } from '../src/lib/library/check';
import { assessmentTable } from '../src/lib/library/assessment-table';
import {
	briefHeadings,
	briefProblems,
	coverageTable,
	scenarioLines,
	setTotals,
	speedDecidedPartial,
	speedProblems,
	totalsReport,
	type CoverageRow
} from '../src/lib/library/coverage';
import { checkTracks, formatTracks } from '../src/lib/library/tracks';

const argv = process.argv.slice(2);
const wholeSet = argv.includes('--set');
const args = argv.filter((a) => a !== '--set');
if (wholeSet && args.length) {
	console.error('--set checks the whole of scenarios/: give it no file names');
	process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'scenarios');
const files = args.length
	? args
	: readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.sort()
			.map((f) => join(dir, f));

let failed = 0;
const reports = [];
for (const file of files) {
	let raw: Uint8Array;
	try {
		raw = readFileSync(file);
	} catch (e) {
		console.error(`${basename(file)}: cannot be read (${(e as Error).message})`);
		failed++;
		continue;
	}
	const report = checkScenarioFile(basename(file), raw);
	reports.push(report);
	console.log(formatReport(report));
	if (report.problems.length) failed++;
}

const setProblems: string[] = [];
const notices: string[] = [];
const checked = reports.filter((r) => r.summary && r.scenario).map((r) => r.scenario!);
if (checked.length) {
	const rows: CoverageRow[] = checked.map((scenario) => ({ scenario, speed: speedDecidedPartial(scenario) }));
	console.log('\n' + coverageTable(rows));
	console.log('\n' + scenarioLines(rows));
	setProblems.push(...speedProblems(rows));

	const briefPath = join(root, '..', 'shared', 'domain', 'BRIEF.md');
	if (existsSync(briefPath)) {
		const headings = briefHeadings(readFileSync(briefPath, 'utf8'));
		(wholeSet ? setProblems : notices).push(...checked.flatMap((s) => briefProblems(s, headings)));
	}

	const totals = totalsReport(setTotals(checked));
	console.log(`\nTotals (issue 12's targets${wholeSet ? '' : '; enforced with --set'}):\n${totals.lines.join('\n')}`);
	(wholeSet ? setProblems : notices).push(...totals.misses.map((m) => `the set: ${m}`));
}

const tracksPath = join(dir, 'curriculum', 'tracks.json');
if (!args.length || wholeSet) {
	const tracks = checkTracks(readFileSync(tracksPath, 'utf8'), checked, 'scenarios/curriculum/tracks.json');
	if (tracks.tracks) console.log('\n' + formatTracks(tracks.tracks, checked));
	setProblems.push(...tracks.problems);
	(wholeSet ? setProblems : notices).push(...tracks.missing);
}

const assessed = reports.filter((r) => r.assessment);
let lengthCueFailed = false;
if (assessed.length) {
	const table = assessmentTable(assessed);
	console.log('\n' + table.text);
	lengthCueFailed = !table.ok;
}
if (notices.length) console.log(`\nNot enforced without --set:\n${notices.map((n) => '  ' + n).join('\n')}`);
if (setProblems.length) console.log(`\nProblems of the set:\n${setProblems.map((p) => '  ✗ ' + p).join('\n')}`);
console.log(`\n${files.length - failed} passed, ${failed} failed`);
if (lengthCueFailed) console.log('The set as a whole fails the length-cue rule (see the assessment table).');
process.exit(failed || lengthCueFailed || setProblems.length ? 1 : 0);
