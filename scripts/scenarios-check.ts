/**
 * `npm run scenarios:check [file…]`: validates scenario documents (all of `scenarios/` by default),
 * checks each graph, and prints what a trainer or author needs to know. Exits non-zero on any problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { checkScenarioFile, coverageTable, formatReport } from '../src/lib/library/check';
import { assessmentTable } from '../src/lib/library/assessment-table';

const args = process.argv.slice(2);
const dir = resolve(import.meta.dirname, '..', 'scenarios');
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
if (reports.some((r) => r.summary)) console.log('\n' + coverageTable(reports));
const assessed = reports.filter((r) => r.assessment);
let setFailed = false;
if (assessed.length) {
	const table = assessmentTable(assessed);
	console.log('\n' + table.text);
	setFailed = !table.ok;
}
console.log(`\n${files.length - failed} passed, ${failed} failed`);
if (setFailed) console.log('The set as a whole fails the length-cue rule (see the assessment table).');
process.exit(failed || setFailed ? 1 : 0);
