/**
 * The trainer's afternoon: import a generated cohort's results file, read the dashboard (checked
 * against the same analytics computed here from the known data), export CSV, print the report.
 */
import { expect, test } from './fixtures';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateCohort, resultsBundle } from '../fixtures/cohort';
import { deriveRecord } from '../../src/lib/analytics/records';
import { analyseCohort, rosterTrainees } from '../../src/lib/analytics/cohort';
import { attemptsCsv } from '../../src/lib/analytics/csv';
import { COMPETENCIES } from '../../src/lib/scenario/vocabulary';
import { allEntries, createProfile, GRAPH_CHECKED, loadScenario, playPath, prepare, startScenario } from './helpers';

const chosen = allEntries.filter((e) =>
	['fake-police-safe-account.json', 'honest-house-purchase.json', 'boss-qq-group.json'].includes(e.file)
);
const cohort = generateCohort({
	trainees: 14,
	scenarios: chosen.map((e) => e.scenario),
	seed: 20261121,
	facts: Object.fromEntries(chosen.map((e) => [e.scenario.id, e.scoring])),
	hashes: Object.fromEntries(chosen.map((e) => [e.scenario.id, e.hash]))
});
const bundle = resultsBundle(cohort);
const profiles = new Map(cohort.profiles.map((p) => [p.id, p]));
const records = cohort.attempts.map((a) => {
	const entry = chosen.find((e) => e.scenario.id === a.scenarioId)!;
	return deriveRecord(entry.scenario, entry.scoring, profiles.get(a.profileId)!, a, cohort.events.filter((e) => e.attemptId === a.id));
});
const expected = analyseCohort(records);

test('a trainer imports a cohort and sees the right figures, CSV and print view', async ({ page }, info) => {
	await prepare(page, 'zh');
	mkdirSync(info.outputDir, { recursive: true });
	const file = info.outputPath('cohort-results.json');
	writeFileSync(file, JSON.stringify(bundle));

	await page.goto('/trainer/');
	await page.getByLabel('PIN 码').fill('2468');
	await page.getByRole('button', { name: '设置并进入' }).click();
	await page.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(file);
	await expect(page.getByTestId('summary-attempts')).toHaveText(String(expected.summary.attempts));
	await expect(page.getByTestId('summary-trainees')).toHaveText(String(expected.summary.trainees));
	await expect(page.getByTestId('summary-mean')).toHaveText(String(Math.round(expected.summary.meanScore!)));

	// Chart values are the analytics of the known data.
	for (const c of expected.competencies) {
		if (c.mean === null) continue;
		const bar = page.locator(`[data-chart="competency-profile"] [data-competency="${c.competency}"][data-value]`).first();
		expect(Number(await bar.getAttribute('data-value'))).toBeCloseTo(c.mean, 5);
	}
	expect(expected.competencies.map((c) => c.competency)).toEqual([...COMPETENCIES]);
	const cells = page.locator('[data-chart="miss-heatmap"] [data-clue][data-value]');
	expect(await cells.count()).toBeGreaterThan(0);
	for (const cell of expected.missRates.cells.slice(0, 5)) {
		const el = page.locator(`[data-chart="miss-heatmap"] [data-clue="${cell.clue}"][data-scenario="${cell.scenarioId}"][data-value]`).first();
		expect(Number(await el.getAttribute('data-value'))).toBeCloseTo(cell.rate!, 5);
	}
	// No chart stands apart from its caption, whatever the height of the chart beside it.
	for (const chart of await page.locator('figure.chart').all()) {
		const caption = (await chart.locator('figcaption').boundingBox())!;
		const drawing = (await chart.locator('figcaption + *').boundingBox())!;
		expect(drawing.y - (caption.y + caption.height), (await chart.getAttribute('data-chart')) ?? '').toBeLessThan(20);
	}
	// A genuine customer's scenario is not "never intervened" in the intervention chart.
	await expect(page.locator('[data-chart="intervention-boxes"] [data-scenario="honest-house-purchase"]')).toHaveCount(0);
	await page.screenshot({ path: info.outputPath('dashboard-zh.png'), fullPage: true });

	// CSV: UTF-8 with BOM, the same rows as computed from the known data, Chinese intact.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-attempts').click()]);
	const bytes = readFileSync((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.toString('utf8').slice(1);
	const want = attemptsCsv(records, 'zh', chosen.map((e) => e.scenario)).slice(1);
	const lines = (s: string) => s.split('\r\n').filter(Boolean);
	expect(lines(text)[0]).toBe(lines(want)[0]);
	expect(lines(text).slice(1).sort()).toEqual(lines(want).slice(1).sort());
	expect(text).toContain(cohort.profiles[0]!.name);
	expect(text).toMatch(/[\u4e00-\u9fff]/);

	// Importing the same file again changes nothing.
	await page.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(file);
	await expect(page.getByTestId('summary-attempts')).toHaveText(String(expected.summary.attempts));

	// Opened again with nothing changed: the charts are drawn from the view kept last time, with the
	// same figures, before the records are read; then the roster follows from the records.
	await page.reload();
	await expect(page.locator('.charts')).toHaveAttribute('data-first-drawn-from', 'kept view');
	await expect(page.getByTestId('summary-attempts')).toHaveText(String(expected.summary.attempts));
	await expect(page.getByTestId('summary-mean')).toHaveText(String(Math.round(expected.summary.meanScore!)));
	const bar = page.locator(`[data-chart="competency-profile"] [data-competency="${expected.competencies[0]!.competency}"][data-value]`).first();
	expect(Number(await bar.getAttribute('data-value'))).toBeCloseTo(expected.competencies[0]!.mean!, 5);
	await expect(page.locator('.roster tbody tr')).toHaveCount(rosterTrainees(expected.roster, cohort.profiles).length);
	await expect(page.getByTestId('roster-loading')).toHaveCount(0);

	// The printable report.
	await page.goto('/trainer/report/?cohort=&mode=all');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('培训班报告');
	// The roster's third column holds scenario titles, and says so.
	await expect(page.locator('.roster thead th').nth(2)).toHaveText('场景');
	await expect(page.locator('.roster tbody td').nth(2)).toHaveText(/.+/);
	// Every trainee × every scenario played, finished or not yet.
	const people = rosterTrainees(expected.roster, cohort.profiles);
	const played = new Set(expected.roster.map((r) => r.scenarioId));
	await expect(page.locator('.roster tbody tr')).toHaveCount(people.length * played.size);
	await expect(page.locator('.roster tbody tr:not(.missing)')).toHaveCount(expected.roster.length);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.toolbar')).toBeHidden();
	await page.screenshot({ path: info.outputPath('report-print.png'), fullPage: true });
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
});

test('a drill-down replays an attempt step by step, read-only', async ({ page }, info) => {
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	const file = info.outputPath('cohort-results.json');
	mkdirSync(info.outputDir, { recursive: true });
	writeFileSync(file, JSON.stringify(bundle));
	await page.goto('/trainer/');
	await page.getByLabel('PIN').fill('13579');
	await page.getByRole('button', { name: 'Set PIN and enter' }).click();
	await page.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(file);
	await expect(page.getByTestId('summary-attempts')).toHaveText(String(expected.summary.attempts));

	const first = cohort.profiles[0]!;
	await page.getByRole('button', { name: first.name, exact: true }).click();
	await page.getByRole('link', { name: 'Replay' }).first().click();
	await page.waitForURL(/\/trainer\/attempt\//);
	const scrubber = page.getByRole('slider', { name: 'Replay position' });
	await expect(scrubber).toBeVisible();
	const max = Number(await scrubber.getAttribute('max'));
	expect(max).toBeGreaterThan(3);
	await expect(page.getByTestId('replay-step')).toHaveText(`Step ${max} of ${max}`);
	await scrubber.fill('0');
	await expect(page.getByTestId('replay-step')).toHaveText(`Step 0 of ${max}`);
	await page.getByRole('button', { name: 'Forward' }).click();
	await expect(page.getByTestId('replay-step')).toHaveText(`Step 1 of ${max}`);
	// One step per arrow key, each way.
	await scrubber.focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('replay-step')).toHaveText(`Step 2 of ${max}`);
	await expect(scrubber).toHaveValue('2');
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByTestId('replay-step')).toHaveText(`Step 1 of ${max}`);
	// Read-only: no decision buttons, flag buttons disabled.
	await expect(page.locator('[data-action]')).toHaveCount(0);
	for (const flag of await page.locator('[data-flag]').all()) await expect(flag).toBeDisabled();
	await page.screenshot({ path: info.outputPath('replay-en.png') });
});

test('a trainer imports scenario documents: a broken one is refused with its problems, a sound one is checked and kept', async ({ page }, info) => {
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	const mini = JSON.parse(readFileSync('tests/fixtures/mini.json', 'utf8'));
	const broken = structuredClone(mini);
	broken.beats[0].actions[1].next = 'police-arrive';
	const untranslated = structuredClone(mini);
	delete untranslated.beats[0].actions[0].feedback.zh;
	mkdirSync(info.outputDir, { recursive: true });
	writeFileSync(info.outputPath('broken-scenario.json'), JSON.stringify(broken));
	writeFileSync(info.outputPath('untranslated.json'), JSON.stringify(untranslated));
	writeFileSync(info.outputPath('mini.json'), JSON.stringify(mini));

	await page.goto('/trainer/');
	await page.getByLabel('PIN').fill('8642');
	await page.getByRole('button', { name: 'Set PIN and enter' }).click();
	const picker = page.getByLabel('Choose scenario files');
	await picker.setInputFiles([info.outputPath('broken-scenario.json'), info.outputPath('untranslated.json')]);
	const report = page.locator('[data-scenario-report="broken-scenario.json"]');
	await expect(report).toContainText('not imported');
	await expect(report).toContainText(
		'beat "counter", action "call-110": next beat "police-arrive" does not exist (no beat or ending has that id)'
	);
	await expect(page.locator('[data-scenario-report="untranslated.json"]')).toContainText(
		'beat "counter", action "ask-purpose": "feedback": the Chinese text (zh) is missing'
	);

	await picker.setInputFiles(info.outputPath('mini.json'));
	await expect(page.locator('[data-scenario-report="mini.json"]')).toContainText('Imported', GRAPH_CHECKED);
	await expect(page.locator('[data-scenario-report="mini.json"]')).toContainText('1 beats, 1 red flags, 2 endings');
	// Kept across a reload, and importing it again changes nothing.
	await page.reload();
	await page.getByLabel('Choose scenario files').setInputFiles(info.outputPath('mini.json'));
	await expect(page.locator('[data-scenario-report="mini.json"]')).toContainText('Already here, unchanged');
});

test("a trainee's own printable report lists every attempt of theirs", async ({ page }, info) => {
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	const file = info.outputPath('cohort-results.json');
	mkdirSync(info.outputDir, { recursive: true });
	writeFileSync(file, JSON.stringify(bundle));
	await page.goto('/trainer/');
	await page.getByLabel('PIN').fill('97531');
	await page.getByRole('button', { name: 'Set PIN and enter' }).click();
	await page.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(file);
	await expect(page.getByTestId('summary-attempts')).toHaveText(String(expected.summary.attempts));
	const person = cohort.profiles[1]!;
	await page.getByRole('button', { name: person.name, exact: true }).click();
	await page.getByRole('link', { name: "Print this trainee's report" }).click();
	await expect(page.locator('.person')).toContainText(person.name);
	const mine = cohort.attempts.filter((a) => a.profileId === person.id).length;
	await expect(page.locator('.attempts tbody tr')).toHaveCount(mine);
	await page.emulateMedia({ media: 'print' });
	expect((await page.pdf({ format: 'A4' })).subarray(0, 4).toString()).toBe('%PDF');
});

test('the roster lists every trainee of a cohort on this PC, those who have not started too', async ({ page }) => {
	await prepare(page, 'en');
	await page.goto('/');
	await page.getByLabel('Name', { exact: true }).fill('Zhao Liu');
	await page.getByLabel('Cohort code (optional)').fill('K9');
	await page.getByRole('button', { name: 'Create and start' }).click();
	await expect(page.locator('[data-scenario]').first()).toBeVisible();

	await page.goto('/trainer/');
	await page.getByLabel('PIN').fill('2468');
	await page.getByRole('button', { name: 'Set PIN and enter' }).click();
	const form = page.locator('form.cohort-form');
	await form.getByLabel('Cohort code', { exact: true }).fill('K9');
	const assigned = allEntries.slice(0, 2).map((e) => e.scenario);
	for (const s of assigned) await form.getByLabel(s.meta.title.en).check();
	await form.getByRole('button', { name: 'Save cohort' }).click();
	await page.getByTestId('cohort-filter').selectOption('K9');

	const roster = page.locator('table.roster');
	// With scenarios assigned: the assignment's standing first, what to practise next last.
	await expect(roster.locator('thead th')).toHaveText(['Trainee', 'Assignment', ...assigned.map((s) => s.meta.title.en), 'Practise next']);
	const row = roster.locator('tbody tr');
	await expect(row).toHaveCount(1);
	await expect(row.locator('th')).toContainText('Zhao Liu');
	await expect(row.locator('td:not(.assignment):not(.practise)')).toHaveText(['not yet', 'not yet']);
	// No due date: in progress, never overdue.
	await expect(row.locator('td.assignment [data-state]')).toHaveAttribute('data-state', 'open');
});

test('a scenario imported on this PC is in the trainee library, plays to its end, and has a debrief', async ({ page }, info) => {
	test.setTimeout(120_000);
	// A branch's own edition of a built-in scenario: another id and title, the same story.
	const base = loadScenario('otp-code-at-counter.json');
	const doc = JSON.parse(readFileSync(`scenarios/${base.file}`, 'utf8'));
	doc.id = 'otp-code-branch-edition';
	doc.meta.title = { zh: '本行版：验证码不能读给“客服”', en: 'Branch edition: the code is not for the "agent"' };
	doc.meta.situation.title = { zh: '本行版：一位客户来柜台做身份核验', en: 'Branch edition: a customer comes in for an identity check' };
	mkdirSync(info.outputDir, { recursive: true });
	writeFileSync(info.outputPath('branch-edition.json'), JSON.stringify(doc));
	// The same story under the built-in id and version would be two different scenarios of one name.
	writeFileSync(info.outputPath(base.file), JSON.stringify({ ...doc, id: base.scenario.id }));

	await prepare(page, 'en');
	await page.goto('/trainer/');
	await page.getByLabel('PIN').fill('1357');
	await page.getByRole('button', { name: 'Set PIN and enter' }).click();
	await page.getByLabel('Choose scenario files').setInputFiles(info.outputPath(base.file));
	await expect(page.locator(`[data-scenario-report="${base.file}"]`)).toContainText(
		`"${base.scenario.id}" is the id of a built-in scenario; an imported scenario cannot use it.`
	);
	await page.getByLabel('Choose scenario files').setInputFiles(info.outputPath('branch-edition.json'));
	await expect(page.locator('[data-scenario-report="branch-edition.json"]')).toContainText('Imported', GRAPH_CHECKED);

	await createProfile(page, 'Zhou Min');
	const card = page.locator('[data-scenario="otp-code-branch-edition"]');
	await expect(card).toContainText('Imported on this PC');
	// The card tells the situation only; the title says what the scenario is.
	await expect(card.getByRole('heading')).toHaveText(doc.meta.situation.title.en);
	await startScenario(page, doc.id, 'assessment');
	expect(new URL(page.url()).pathname).toBe('/imported/play/');
	await playPath(page, base.scenario, base.analysis.best, { markFlags: false });
	await expect(page.locator('.ended')).toHaveAttribute('data-ending', base.analysis.best.ending!);
	await page.locator('.ended a').click();
	await page.waitForURL(/\/imported\/debrief\//);
	await expect(page.locator('.summary')).toHaveAttribute('data-ending', base.analysis.best.ending!);
	await expect(page.getByTestId('overall')).toHaveText(/^\d+%$/);
	await page.screenshot({ path: info.outputPath('imported-debrief.png'), fullPage: true });

	// Listed under the trainee's results with its own title and pages.
	await page.goto('/me/');
	const row = page.locator('tr', { hasText: doc.meta.title.en });
	await expect(row).toHaveCount(1);
	await expect(row.getByRole('link', { name: 'Debrief' })).toHaveAttribute('href', /^\/imported\/debrief\/\?attempt=/);

	// "Try again" starts a new attempt on the same imported scenario.
	// (Followed by address: with the page clock paused, a client-side navigation would wait for a frame.)
	await page.goto((await row.getByRole('link', { name: 'Debrief' }).getAttribute('href'))!);
	await page.getByRole('button', { name: /Try again/ }).click();
	await page.waitForURL(/\/imported\/play\//);
	await expect(page.getByRole('dialog')).toBeVisible();
});


test('a cohort is given a curriculum track in one click, and the roster follows its order', async ({ page }) => {
	const tracks = JSON.parse(readFileSync('scenarios/curriculum/tracks.json', 'utf8')).tracks as {
		id: string;
		title: { en: string };
		steps: { scenario: string }[];
	}[];
	const teller = tracks.find((t) => t.id.includes('teller'))!;
	const titles = new Map(allEntries.map((e) => [e.scenario.id, e.scenario.meta.title.en]));
	const steps = teller.steps.map((s) => s.scenario).filter((id) => titles.has(id));
	await prepare(page, 'en');
	await page.goto('/');
	await page.getByLabel('Name', { exact: true }).fill('Qian Hui');
	await page.getByLabel('Cohort code (optional)').fill('T1');
	await page.getByRole('button', { name: 'Create and start' }).click();
	await expect(page.locator('[data-scenario]').first()).toBeVisible();

	await page.goto('/trainer/');
	await page.getByLabel('PIN').fill('2468');
	await page.getByRole('button', { name: 'Set PIN and enter' }).click();
	const form = page.locator('form.cohort-form');
	await form.getByLabel('Cohort code', { exact: true }).fill('T1');
	await form.locator(`[data-track="${teller.id}"]`).click();
	for (const id of steps) await expect(form.getByLabel(titles.get(id)!, { exact: true })).toBeChecked();
	await form.getByRole('button', { name: 'Save cohort' }).click();
	await page.getByTestId('cohort-filter').selectOption('T1');
	await expect(page.locator('table.roster thead th')).toHaveText(['Trainee', 'Assignment', ...steps.map((id) => titles.get(id)!), 'Practise next']);
});

test('a long roster is drawn a page at a time (50 rows), the rest on request', async ({ page }, info) => {
	test.setTimeout(120_000);
	const one = allEntries.filter((e) => e.file === 'honest-house-purchase.json');
	const many = generateCohort({
		trainees: 60,
		scenarios: one.map((e) => e.scenario),
		seed: 20261206,
		facts: Object.fromEntries(one.map((e) => [e.scenario.id, e.scoring])),
		hashes: Object.fromEntries(one.map((e) => [e.scenario.id, e.hash]))
	});
	const file = info.outputPath('sixty.json');
	mkdirSync(info.outputDir, { recursive: true });
	writeFileSync(file, JSON.stringify(resultsBundle(many)));
	await prepare(page, 'en');
	await page.goto('/trainer/');
	await page.getByLabel('PIN').fill('8642');
	await page.getByRole('button', { name: 'Set PIN and enter' }).click();
	await page.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(file);
	await expect(page.getByTestId('summary-attempts')).toHaveText(String(many.attempts.length), { timeout: 30_000 });
	const started = new Set(many.attempts.map((a) => a.profileId)).size;
	expect(started).toBeGreaterThan(50);
	const rows = page.locator('table.roster tbody tr');
	await expect(rows).toHaveCount(50);
	await page.getByTestId('roster-more').click();
	await expect(rows).toHaveCount(started);
	await expect(page.getByTestId('roster-more')).toHaveCount(0);
});
