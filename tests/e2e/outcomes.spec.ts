/**
 * Trainer insight (issue 14, items 4–6): a generated cohort is imported; the money protected and
 * lost, a trainee's practise-next list and who is overdue on the cohort's assignment are checked
 * against the same pure functions run here on the known data. Dates: the page's clock is fixed
 * (`page.clock.setFixedTime`) in a fixed time zone, so the due date never races the real clock.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateCohort, resultsBundle } from '../fixtures/cohort';
import { deriveRecord } from '../../src/lib/analytics/records';
import { moneyAndOutcomes } from '../../src/lib/analytics/money';
import { practiseCatalogue, practiseForCohort } from '../../src/lib/analytics/practise';
import { assignmentStatuses } from '../../src/lib/analytics/assignments';
import { rosterTrainees, roster } from '../../src/lib/analytics/cohort';
import { formatMoney } from '../../src/lib/scenario/text';
import type { Language } from '../../src/lib/scenario/schema';
import { allEntries } from './helpers';

const TZ = 'Asia/Shanghai';
test.use({ timezoneId: TZ });
/** A local day in the page's time zone, as the app computes it there. */
const dayOf = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: TZ });

const chosen = allEntries.filter((e) =>
	['fake-police-safe-account.json', 'honest-house-purchase.json', 'boss-qq-group.json'].includes(e.file)
);
const assigned = chosen.map((e) => e.scenario.id).sort();
// Attempts on 3–5 March 2025 (China time); the cohort is due on the 4th; the trainer looks on the 8th.
const cohort = generateCohort({
	trainees: 14,
	scenarios: chosen.map((e) => e.scenario),
	seed: 20261206,
	retries: 0.3,
	facts: Object.fromEntries(chosen.map((e) => [e.scenario.id, e.scoring])),
	hashes: Object.fromEntries(chosen.map((e) => [e.scenario.id, e.hash]))
});
const bundle = resultsBundle(cohort);
const profiles = new Map(cohort.profiles.map((p) => [p.id, p]));
const records = cohort.attempts.map((a) => {
	const entry = chosen.find((e) => e.scenario.id === a.scenarioId)!;
	return deriveRecord(entry.scenario, entry.scoring, profiles.get(a.profileId)!, a, cohort.events.filter((e) => e.attemptId === a.id));
});
const code = cohort.profiles[0]!.cohort;
const tracks = JSON.parse(readFileSync('scenarios/curriculum/tracks.json', 'utf8')).tracks;
const catalogue = practiseCatalogue(
	allEntries.map((e) => e.scenario),
	tracks
);
const DUE = '2025-03-04';
const SETTING_DAY = new Date('2025-03-04T10:00:00+08:00');
const LOOKING_DAY = new Date('2025-03-08T10:00:00+08:00');

async function importCohort(page: Page, lang: Language, file: string) {
	await page.addInitScript((l) => localStorage.setItem('fraud-drill.language', l), lang);
	await page.clock.setFixedTime(SETTING_DAY);
	await page.goto('/trainer/');
	await page.getByLabel(lang === 'zh' ? 'PIN 码' : 'PIN').fill('2468');
	await page.getByRole('button', { name: lang === 'zh' ? '设置并进入' : 'Set PIN and enter' }).click();
	await page.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(file);
	await expect(page.getByTestId('summary-attempts')).toHaveText(String(records.filter((r) => r.finished).length));
}

/** Defines the cohort with the three scenarios and a due date (today, on the setting day). */
async function assign(page: Page, lang: Language) {
	const form = page.locator('form.cohort-form');
	await form.getByLabel(lang === 'zh' ? '培训班编号' : 'Cohort code', { exact: true }).fill(code);
	for (const e of chosen) await form.getByLabel(e.scenario.meta.title[lang], { exact: true }).check();
	await form.getByTestId('cohort-due').fill(DUE);
	await form.getByRole('button', { name: lang === 'zh' ? '保存培训班' : 'Save cohort' }).click();
	await expect(form.getByRole('status')).toHaveText(lang === 'zh' ? '已保存。' : 'Saved.');
}

test('money, practise next and overdue trainees match the known cohort', async ({ page }, info) => {
	mkdirSync(info.outputDir, { recursive: true });
	const file = info.outputPath('cohort.json');
	writeFileSync(file, JSON.stringify(bundle));
	await importCohort(page, 'zh', file);

	// Money over every cohort, formatted as the app writes money in Chinese (万元).
	const money = moneyAndOutcomes(records);
	expect(money.total.protected).toBeGreaterThan(0);
	expect(money.total.lost).toBeGreaterThan(0);
	const chart = page.locator('[data-chart="money-outcomes"]');
	await expect(chart.getByTestId('money-protected')).toHaveText(formatMoney(money.total.protected, 'zh'));
	await expect(chart.getByTestId('money-lost')).toHaveText(formatMoney(money.total.lost, 'zh'));
	for (const row of money.byScenario.filter((r) => r.atStake > 0))
		for (const measure of ['protected', 'lost'] as const)
			await expect(chart.locator(`svg [data-key="${row.key}"][data-measure="${measure}"]`)).toHaveAttribute(
				'data-value',
				String(row[measure])
			);
	// Per branch, in the data table.
	await chart.getByRole('button', { name: '按网点' }).click();
	await expect(chart.locator('svg[data-grouping="branch"]')).toBeVisible();
	await chart.locator('summary').click();
	for (const row of money.byBranch) {
		const tr = chart.locator(`table[data-table="branch"] tr[data-key="${row.key}"]`);
		await expect(tr.locator('[data-measure="protected"]')).toHaveText(formatMoney(row.protected, 'zh'));
		await expect(tr.locator('[data-measure="lost"]')).toHaveText(formatMoney(row.lost, 'zh'));
	}
	// Outcome shares: one segment per ending that occurred, with its count.
	for (const [outcome, count] of Object.entries(money.total.outcomes).filter(([, n]) => n > 0))
		await expect(chart.locator(`[data-outcome="${outcome}"]`)).toHaveAttribute('data-count', String(count));

	// A past due date is refused, in Chinese, saying which day and what today is.
	const form = page.locator('form.cohort-form');
	await form.getByLabel('培训班编号', { exact: true }).fill(code);
	await form.getByTestId('cohort-due').fill('2025-03-01');
	await form.getByRole('button', { name: '保存培训班' }).click();
	await expect(form.getByRole('alert')).toHaveText('完成期限 2025年3月1日 已经过去（今天是 2025年3月4日），请选择今天或以后的日期。');
	await expect(form.getByTestId('cohort-due')).toHaveAttribute('aria-invalid', 'true');
	await assign(page, 'zh');

	// Four days later: who has not passed every assigned scenario is overdue.
	await page.clock.setFixedTime(LOOKING_DAY);
	await page.reload();
	await page.getByTestId('cohort-filter').selectOption(code);
	const people = rosterTrainees(roster(records, { cohorts: [code], scenarioIds: assigned }), cohort.profiles, { cohorts: [code] });
	const status = assignmentStatuses(
		people.map((p) => p.traineeId),
		records.filter((r) => r.cohort === code),
		chosen.map((e) => e.scenario.id),
		DUE,
		'2025-03-08',
		dayOf
	);
	const overdue = [...status.values()].filter((s) => s.state === 'overdue');
	expect(overdue.length, 'the generated cohort has someone overdue').toBeGreaterThan(0);
	expect(overdue.length, 'and someone who is not').toBeLessThan(people.length);
	await expect(page.getByTestId('cohort-due-line')).toHaveText(`完成期限：2025年3月4日 · 已逾期 ${overdue.length} 人`);
	const rosterTable = page.locator('table.roster');
	for (const [id, s] of status) await expect(rosterTable.locator(`tr[data-trainee="${id}"] [data-state]`)).toHaveAttribute('data-state', s.state);
	await expect(rosterTable.locator(`tr[data-trainee="${overdue[0]!.traineeId}"] [data-state]`)).toHaveText('已逾期');

	// What to practise next: for the trainee with the most suggestions, in the roster and in their view.
	const practise = practiseForCohort(records, catalogue, { cohorts: [code] });
	const person = [...practise.values()].sort((a, b) => b.suggestions.length - a.suggestions.length || b.weakCompetencies.length - a.weakCompetencies.length)[0]!;
	expect(person.suggestions.length).toBeGreaterThan(0);
	const row = rosterTable.locator(`tr[data-trainee="${person.traineeId}"]`);
	await expect(row.locator('td.practise [data-scenario]')).toHaveAttribute('data-scenario', person.suggestions[0]!.scenarioId);
	await row.locator('th button').click();
	const panel = page.getByTestId('practise-next');
	await expect(panel.locator('[data-testid="practise-scenarios"] li')).toHaveCount(person.suggestions.length);
	expect(await panel.locator('[data-testid="practise-scenarios"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')))).toEqual(
		person.suggestions.map((s) => s.scenarioId)
	);
	expect(await panel.locator('[data-competency]').evaluateAll((els) => els.map((e) => e.getAttribute('data-competency')))).toEqual(
		person.weakCompetencies.map((w) => w.competency)
	);

	// The printable cohort report: the due date, the overdue count, each trainee's standing.
	await page.goto(`/trainer/report/?cohort=${encodeURIComponent(code)}&mode=all`);
	await expect(page.getByTestId('report-due')).toHaveText(`完成期限：2025年3月4日 · 已逾期 ${overdue.length} 人`);
	const report = page.getByTestId('report-assignment');
	await expect(report.locator('tbody tr')).toHaveCount(status.size);
	for (const [id, s] of status) await expect(report.locator(`tr[data-trainee="${id}"] [data-state]`)).toHaveAttribute('data-state', s.state);
	await expect(page.locator('[data-chart="money-outcomes"]')).toBeVisible();

	// The per-trainee report carries their practise-next list.
	await page.goto(`/trainer/report/?cohort=${encodeURIComponent(code)}&mode=all&trainee=${person.traineeId}`);
	const own = practiseForCohort(records, catalogue).get(person.traineeId)!;
	await expect(page.locator('[data-testid="practise-scenarios"] li')).toHaveCount(own.suggestions.length, { timeout: 30_000 });
	expect(await page.locator('[data-testid="practise-scenarios"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')))).toEqual(
		own.suggestions.map((s) => s.scenarioId)
	);

	// The trainee's own results page shows the same list.
	await page.evaluate((id) => localStorage.setItem('fraud-drill.profile', id), person.traineeId);
	await page.goto('/me/');
	await expect(page.locator('[data-testid="practise-scenarios"] li')).toHaveCount(own.suggestions.length, { timeout: 30_000 });
	expect(await page.locator('[data-testid="practise-scenarios"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')))).toEqual(
		own.suggestions.map((s) => s.scenarioId)
	);
});

for (const lang of ['zh', 'en'] as const)
	test(`screenshots of the insight views (${lang})`, async ({ page }, info) => {
		mkdirSync(info.outputDir, { recursive: true });
		const file = info.outputPath('cohort.json');
		writeFileSync(file, JSON.stringify(bundle));
		await importCohort(page, lang, file);
		await assign(page, lang);
		await page.clock.setFixedTime(LOOKING_DAY);
		await page.reload();
		await page.getByTestId('cohort-filter').selectOption(code);
		const person = cohort.profiles[2]!;
		for (const [w, h] of [
			[1366, 768],
			[820, 1180]
		] as const) {
			await page.setViewportSize({ width: w, height: h });
			const shot = (name: string) => info.outputPath(`${name}-${lang}-${w}.png`);
			await page.locator('[data-chart="money-outcomes"]').screenshot({ path: shot('money') });
			await page.locator('section[aria-labelledby="roster-title"]').screenshot({ path: shot('roster') });
			await page.getByRole('button', { name: person.name, exact: true }).click();
			await page.getByTestId('practise-next').screenshot({ path: shot('practise') });
			await page.locator('form.cohort-form').screenshot({ path: shot('cohort-form') });
		}
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto(`/trainer/report/?cohort=${encodeURIComponent(code)}&mode=all`);
		await page.getByTestId('report-assignment').screenshot({ path: info.outputPath(`report-assignment-${lang}.png`) });
		await page.evaluate((id) => localStorage.setItem('fraud-drill.profile', id), person.id);
		await page.goto('/me/');
		await expect(page.getByTestId('practise-next')).toBeVisible({ timeout: 30_000 });
		await page.screenshot({ path: info.outputPath(`me-${lang}-1366.png`), fullPage: true });
		await page.setViewportSize({ width: 820, height: 1180 });
		await page.screenshot({ path: info.outputPath(`me-${lang}-820.png`), fullPage: true });
	});
