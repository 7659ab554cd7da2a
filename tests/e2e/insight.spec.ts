/**
 * The trainer's item analysis and paths on the page: a cohort with planted answers (see
 * tests/fixtures/planted.ts) imported as a results file, the scenario it played imported as a
 * document, then the scenario's analysis opened and read. Screenshots at 1366×768 and 820×1180 in
 * both languages.
 */
import { expect, test } from './fixtures';
import type { Page, TestInfo } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateCohort, resultsBundle } from '../fixtures/cohort';
import { allEntries } from './helpers';
import { plantedCohort, plantedDoc, plantedScenario } from '../fixtures/planted';
import { deriveRecord } from '../../src/lib/analytics/records';
import { analyseItems } from '../../src/lib/analytics/items';
import { itemsCsv } from '../../src/lib/analytics/items-csv';
import { localDateTime } from '../../src/lib/analytics/csv';
import { scoringFacts } from '../../src/lib/scenario/analyse';

const cohort = plantedCohort();

async function openAnalysis(page: Page, info: TestInfo, lang: 'zh' | 'en') {
	await page.addInitScript((l) => localStorage.setItem('fraud-drill.language', l), lang);
	mkdirSync(info.outputDir, { recursive: true });
	writeFileSync(info.outputPath('planted.json'), JSON.stringify(plantedDoc()));
	writeFileSync(info.outputPath('planted-results.json'), JSON.stringify(resultsBundle(cohort)));
	await page.goto('/trainer/');
	await page.locator('input[type=password]').fill('2468');
	await page.locator('form button[type=submit]').click();
	await page.getByLabel(lang === 'en' ? 'Choose scenario files' : '选择场景文件').setInputFiles(info.outputPath('planted.json'));
	await expect(page.locator('[data-scenario-report="planted.json"]')).toContainText(lang === 'en' ? 'Imported' : '已导入', {
		timeout: 60_000
	});
	await page.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(info.outputPath('planted-results.json'));
	await expect(page.getByTestId('summary-attempts')).toHaveText('20');
	// Nothing of the analysis is drawn (or worked out) until a scenario is chosen.
	await expect(page.locator('[data-insight]')).toHaveCount(0);
	await page.getByTestId('insight-scenario').selectOption('planted-decisions');
	await expect(page.locator('[data-table="items"] tbody tr')).toHaveCount(3);
}

const cell = (page: Page, row: string, col: string) => page.locator(`${row} [data-col="${col}"]`);

async function screenshots(page: Page, info: TestInfo, lang: string) {
	const card = page.getByTestId('insight');
	await card.locator('[data-chart="paths"] details').evaluate((d: HTMLDetailsElement) => (d.open = true));
	await card.scrollIntoViewIfNeeded();
	await card.screenshot({ path: info.outputPath(`insight-${lang}-1366.png`) });
	await card.locator('[data-chart="paths"]').screenshot({ path: info.outputPath(`paths-${lang}-1366.png`) });
	await card.locator('[data-chart="item-analysis"]').screenshot({ path: info.outputPath(`items-chart-${lang}-1366.png`) });
	/** Labels cut short with "…" (each has its full text as a tooltip, but should be rare). */
	const cut = () => card.locator('[data-chart="paths"] text.label tspan:not(.count)').evaluateAll((els) => els.filter((e) => e.textContent?.endsWith('…')).length);
	const cutWide = await cut();
	const frame = card.locator('[data-chart="paths"] .wrap');
	// The training room's screen shows the whole drawing.
	await expect(frame).toHaveAttribute('data-scrolls', 'false');
	await page.setViewportSize({ width: 820, height: 1180 });
	await expect(card.locator('[data-chart="paths"] svg')).toBeVisible();
	// On a tablet the labels keep the room they have on the training room's screen (no more are cut
	// short): a drawing with many layers scrolls sideways in a frame that takes the keyboard focus.
	await expect.poll(cut).toBeLessThanOrEqual(cutWide);
	if ((await frame.getAttribute('data-scrolls')) === 'true') {
		await expect(frame).toHaveAttribute('tabindex', '0');
		await expect(frame).toHaveAccessibleName(/.+/);
	}
	await card.screenshot({ path: info.outputPath(`insight-${lang}-820.png`) });
	await card.locator('[data-chart="paths"]').screenshot({ path: info.outputPath(`paths-${lang}-820.png`) });
	await card.locator('[data-table="items"]').screenshot({ path: info.outputPath(`items-table-${lang}-820.png`) });
	// At both sizes no path label runs past the drawing or into another.
	const boxes = await card.locator('[data-chart="paths"] text.label').evaluateAll((els) =>
		els.map((e) => {
			const r = e.getBoundingClientRect();
			const svg = e.closest('svg')!.getBoundingClientRect();
			return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, svgRight: svg.right };
		})
	);
	for (const a of boxes) {
		expect(a.right).toBeLessThanOrEqual(a.svgRight + 0.5);
		for (const b of boxes)
			if (a !== b) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
	}
}

test('the decision analysis shows the planted facility, discrimination, reach and flags, sorts, and exports CSV', async ({ page }, info) => {
	await openAnalysis(page, info, 'en');
	const counter = '[data-table="items"] tr[data-beat="counter"]';
	const check = '[data-table="items"] tr[data-beat="check"]';
	const manager = '[data-table="items"] tr[data-beat="manager"]';
	await expect(page.getByTestId('insight-units')).toContainText('20 trainees. Upper group: 5');
	await expect(cell(page, counter, 'reached')).toHaveText('20 / 20');
	await expect(cell(page, counter, 'facility')).toHaveText('50%');
	await expect(cell(page, counter, 'discrimination')).toHaveText('0.00 (0% / 0%)');
	await expect(cell(page, counter, 'flagged')).toHaveText('1');
	await expect(cell(page, check, 'reached')).toHaveText('15 / 20');
	await expect(cell(page, check, 'facility')).toHaveText('100%');
	await expect(cell(page, check, 'discrimination')).toHaveText('— (100% / —)');
	await expect(cell(page, check, 'note')).toHaveText('Too few to tell (15 reached: 5 upper, 0 lower)');
	await expect(cell(page, manager, 'reached')).toHaveText('0 / 20');
	await expect(cell(page, manager, 'facility')).toHaveText('—');
	await expect(cell(page, manager, 'note')).toHaveText('Nobody reached it');

	const trust = '[data-table="options"] tr[data-option="counter/trust-id"]';
	await expect(cell(page, trust, 'verdict')).toHaveText('Weak');
	await expect(cell(page, trust, 'chosen')).toHaveText('5 / 20');
	await expect(cell(page, trust, 'upper')).toHaveText('100%');
	await expect(cell(page, trust, 'lower')).toHaveText('0%');
	await expect(cell(page, trust, 'discrimination')).toHaveText('+1.00');
	await expect(cell(page, trust, 'flag')).toContainText('Strong trainees choose this weak or wrong option');
	// The only flag: the planted distractor.
	await expect(page.locator('[data-table="options"] tr.flagged')).toHaveCount(1);
	const process = '[data-table="options"] tr[data-option="counter/process"]';
	await expect(cell(page, process, 'discrimination')).toHaveText('-1.00');
	await expect(cell(page, process, 'flag')).toHaveText('');
	await expect(cell(page, '[data-table="options"] tr[data-option="check/escalate"]', 'chosen')).toHaveText('0 / 15');
	await expect(cell(page, '[data-table="options"] tr[data-option="manager/call-110"]', 'chosen')).toHaveText('0 / 0');

	// The chart carries the same values.
	const bar = (beat: string, measure: string) => page.locator(`[data-chart="item-analysis"] rect[data-beat="${beat}"][data-measure="${measure}"]`);
	await expect(bar('counter', 'facility')).toHaveAttribute('data-value', '0.5');
	await expect(bar('counter', 'discrimination')).toHaveAttribute('data-value', '0');
	await expect(bar('manager', 'facility')).toHaveCount(0);

	// Paths: 15 to the check and on to "stopped", 5 straight to "lost", nobody at the manager.
	const node = (id: string) => page.locator(`[data-chart="paths"] rect[data-node="${id}"]`);
	await expect(node('counter')).toHaveAttribute('data-attempts', '20');
	await expect(node('check')).toHaveAttribute('data-attempts', '15');
	await expect(node('stopped')).toHaveAttribute('data-attempts', '15');
	await expect(node('lost')).toHaveAttribute('data-attempts', '5');
	await expect(node('manager')).toHaveCount(0);
	await expect(page.locator('[data-chart="paths"] path[data-source="counter"][data-target="lost"]')).toHaveAttribute('data-count', '5');
	await expect(page.locator('[data-chart="paths"] tr[data-ending="stopped"]')).toContainText('Stopped');
	await expect(page.locator('[data-chart="paths"] tr[data-ending="stopped"] td').nth(1)).toHaveText('15');
	await expect(page.locator('[data-chart="paths"] tr[data-ending="stopped"] td').nth(2)).toHaveText('75%');
	await expect(page.locator('[data-chart="paths"] tr[data-ending="lost"] td').nth(2)).toHaveText('25%');

	// Sorting by keyboard: focus a header's button and press Enter; aria-sort follows.
	const facilityHead = page.locator('[data-table="items"] thead th').filter({ hasText: 'Facility' });
	await expect(facilityHead).toHaveAttribute('aria-sort', 'none');
	await facilityHead.getByRole('button', { name: 'Sort by "Facility"' }).focus();
	await page.keyboard.press('Enter');
	await expect(facilityHead).toHaveAttribute('aria-sort', 'descending');
	await expect(page.locator('[data-table="items"] tbody tr').first()).toHaveAttribute('data-beat', 'check');
	await expect(page.locator('[data-table="items"] tbody tr').last()).toHaveAttribute('data-beat', 'manager'); // no value: last
	await page.keyboard.press('Enter');
	await expect(facilityHead).toHaveAttribute('aria-sort', 'ascending');
	await expect(page.locator('[data-table="items"] tbody tr').first()).toHaveAttribute('data-beat', 'counter');
	const dHead = page.locator('[data-table="options"] thead th').filter({ hasText: 'Discrimination D' });
	await dHead.getByRole('button').click();
	await expect(dHead).toHaveAttribute('aria-sort', 'descending');
	await expect(page.locator('[data-table="options"] tbody tr').first()).toHaveAttribute('data-option', /^counter\/(ask-purpose|trust-id|to-check)$/);

	// CSV: the analysis computed here from the known data, named with the local date.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-items').click()]);
	expect(download.suggestedFilename()).toBe(`fraud-drill-items-planted-decisions-all-${localDateTime(Date.now()).slice(0, 10)}.csv`);
	const text = readFileSync((await download.path())!).toString('utf8');
	const facts = scoringFacts(plantedScenario);
	const profiles = new Map(cohort.profiles.map((p) => [p.id, p]));
	const records = cohort.attempts.map((a) =>
		deriveRecord(plantedScenario, facts, profiles.get(a.profileId)!, a, cohort.events.filter((e) => e.attemptId === a.id))
	);
	expect(text).toBe(itemsCsv(analyseItems(plantedScenario, records), plantedScenario, 'en'));
	expect(text).toContain('counter,Counter,20,0.5,0,');

	await screenshots(page, info, 'en');
});

test('the decision analysis in Chinese, at both sizes', async ({ page }, info) => {
	await openAnalysis(page, info, 'zh');
	await expect(page.locator('[data-table="items"] thead')).toContainText('难度系数');
	await expect(page.locator('[data-table="items"] thead')).toContainText('区分度 D');
	await expect(cell(page, '[data-table="items"] tr[data-beat="manager"]', 'note')).toHaveText('无人到达');
	await expect(cell(page, '[data-table="options"] tr[data-option="counter/trust-id"]', 'flag')).toContainText('高分学员反而更常选');
	await expect(page.locator('[data-chart="paths"] tr[data-ending="lost"] th')).toHaveText('损失');
	await screenshots(page, info, 'zh');
});

test('a large real scenario: the paths chart keeps every label inside the drawing and apart, at both sizes', async ({ page }, info) => {
	const entry = allEntries.find((e) => e.file === 'fake-police-safe-account.json')!;
	const generated = generateCohort({
		trainees: 40,
		scenarios: [entry.scenario],
		seed: 20261206,
		facts: { [entry.scenario.id]: entry.scoring },
		hashes: { [entry.scenario.id]: entry.hash }
	});
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	mkdirSync(info.outputDir, { recursive: true });
	writeFileSync(info.outputPath('generated.json'), JSON.stringify(resultsBundle(generated)));
	await page.goto('/trainer/');
	await page.locator('input[type=password]').fill('2468');
	await page.locator('form button[type=submit]').click();
	await page.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(info.outputPath('generated.json'));
	await expect(page.getByTestId('summary-trainees')).toHaveText('40');
	await page.getByTestId('insight-scenario').selectOption(entry.scenario.id);
	await expect(page.locator('[data-table="items"] tbody tr')).toHaveCount(entry.scenario.beats.length);
	await expect(page.getByTestId('insight-units')).toContainText('40 trainees');
	// Every label cut short has its full text as a tooltip.
	for (const g of await page.locator('[data-chart="paths"] g.node').all()) await expect(g.locator('title')).toHaveText(/.+: \d+ · \d+%/);
	await screenshots(page, info, 'en-large');
});
