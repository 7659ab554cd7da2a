/**
 * The trainee → trainer hand-off as people do it: a trainee on a shared PC plays a scenario, finds
 * "My results" by the links on the pages (no typed addresses), exports her own results only, and
 * the trainer imports the file on another PC. A file whose log was edited is flagged, never verified.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BEGIN, createProfile, loadScenario, playPath, startScenario } from './helpers';
import type { ResultsBundle } from '../../src/lib/results/format';

const { scenario, analysis } = loadScenario('fake-police-safe-account.json');

async function openTrainer(desk: Page, pin: string) {
	await desk.goto('/trainer/');
	await desk.getByLabel('PIN').fill(pin);
	await desk.getByRole('button', { name: 'Set PIN and enter' }).click();
	await expect(desk.getByRole('heading', { name: 'Import results' })).toBeVisible();
}

test('library → play → "My results" by links only → export her own results → the trainer imports them', async ({ browser }, info) => {
	test.setTimeout(120_000);
	const shared = await browser.newContext();
	const page = await shared.newPage();
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	await page.clock.install();

	// Someone else trained on this PC earlier.
	await createProfile(page, 'Wang Tao');
	await startScenario(page, scenario.id, 'practice');
	await page.getByRole('link', { name: 'Fraud Drill' }).click();
	await page.getByRole('button', { name: 'Switch trainee' }).click();

	await page.locator('input').first().fill('Li Jing');
	await page.locator('form button[type=submit]').click();
	const mine = page.getByTestId('my-results-link');
	await expect(mine).toBeVisible(); // on the library

	const card = page.locator(`[data-scenario="${scenario.id}"]`);
	await card.getByRole('button', { name: /Assessment/ }).click();
	await page.waitForURL(/\/play\//);
	await expect(page.getByRole('dialog')).toBeVisible();
	await expect(mine).toBeVisible(); // during the briefing
	await page.getByRole('dialog').getByRole('button', { name: BEGIN }).click();
	await expect(mine).toBeVisible(); // while playing
	await playPath(page, scenario, analysis.naive, { markFlags: false });
	await page.locator('.ended a').click();
	await page.waitForURL(/\/debrief\//);
	await expect(page.getByTestId('overall')).toHaveText(/^\d+%$/);

	await mine.click(); // from the debrief
	await page.waitForURL(/\/me\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Li Jing');
	// Hers only: no choice of other trainees, everything on this PC or a backup.
	await expect(page.getByRole('radio')).toHaveCount(0);
	await expect(page.getByText('Everything on this PC')).toHaveCount(0);
	await expect(page.getByText(/Full backup/)).toHaveCount(0);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my results file' }).click()]);
	await expect(page.getByRole('status').filter({ hasText: 'Hand this file to your trainer' })).toBeVisible();
	const file = info.outputPath(download.suggestedFilename());
	await download.saveAs(file);
	expect(download.suggestedFilename()).toMatch(/^fraud-drill-results-Li-Jing-\d{8}-\d{4}\.json$/);
	const bundle: ResultsBundle = JSON.parse(readFileSync(file, 'utf8'));
	expect(bundle.profiles.map((p) => p.name)).toEqual(['Li Jing']);
	expect(bundle.attempts).toHaveLength(1);
	expect(bundle.scenarios).toBeUndefined();
	await shared.close();

	const trainer = await browser.newContext();
	const desk = await trainer.newPage();
	await desk.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	await openTrainer(desk, '8642');
	await desk.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(file);
	await expect(desk.getByTestId('summary-attempts')).toHaveText('1');
	await expect(desk.getByTestId('summary-trainees')).toHaveText('1');
	await expect(desk.getByRole('button', { name: 'Li Jing', exact: true })).toBeVisible();
	await desk.locator('summary', { hasText: 'Details' }).click();
	await expect(desk.locator('.items li').filter({ hasText: scenario.id })).toContainText('Verified');
	// Everyone's results and the full backup are exported here, in the trainer's words.
	const exportForm = desk.locator('form.export');
	await expect(exportForm).toContainText('Everything on this PC');
	await expect(exportForm).toContainText('Full backup');
	await expect(exportForm).not.toContainText('Hand it to your trainer');
	await trainer.close();
});

test('a results file with a duplicated step imports flagged, with the step named, never verified', async ({ browser }, info) => {
	test.setTimeout(120_000);
	const traineePc = await browser.newContext();
	const page = await traineePc.newPage();
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'zh'));
	await page.clock.install();
	await createProfile(page, '李静');
	await startScenario(page, scenario.id, 'assessment');
	await playPath(page, scenario, analysis.naive, { markFlags: false });
	await page.getByTestId('my-results-link').click();
	await page.waitForURL(/\/me\/$/);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载我的成绩文件' }).click()]);
	const bundle: ResultsBundle = JSON.parse(readFileSync((await download.path())!, 'utf8'));
	await traineePc.close();

	// The first decision is copied in after itself and the later steps renumbered.
	const events = bundle.events.sort((a, b) => a.seq - b.seq);
	const first = events.findIndex((e) => e.event.type === 'trainee.choose');
	for (const e of events) if (e.seq > first) e.seq++;
	events.push({ ...events[first]!, seq: first + 1 });
	const file = info.outputPath('edited.json');
	writeFileSync(file, JSON.stringify(bundle));

	const trainer = await browser.newContext();
	const desk = await trainer.newPage();
	await desk.addInitScript(() => localStorage.setItem('fraud-drill.language', 'zh'));
	await desk.goto('/trainer/');
	await desk.getByLabel('PIN 码').fill('8642');
	await desk.getByRole('button', { name: '设置并进入' }).click();
	await desk.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(file);
	const item = desk.locator('.items li').filter({ hasText: scenario.id });
	// Flagged with its reason on show (the details are open), not "verified".
	await expect(item).toBeVisible();
	await expect(item).toContainText('记录与重放不符');
	await expect(item).toContainText(`某一步被重复或改动过：第 ${first + 2} 步在回放中没有作用——记录可能被编辑或损坏`);
	await expect(item).not.toContainText('已核验');
	await expect(desk.locator('.summary[role=status]')).toContainText('需注意 1 条');
	await desk.getByRole('button', { name: 'English' }).click();
	await expect(item).toContainText(`Step ${first + 2} had no effect on the replay: the log was edited or damaged`);
	await trainer.close();
});

test('the PIN gate says what to do when the PIN is forgotten, and what it says works', async ({ page }) => {
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	await openTrainer(page, '2468');
	await page.getByRole('button', { name: 'Lock' }).click();
	await expect(page.getByRole('button', { name: 'Enter', exact: true })).toBeVisible();
	await page.getByText('Forgot the PIN?').click();
	const help = page.locator('details.forgot');
	await expect(help).toContainText('kept only in this browser on this PC and cannot be recovered');
	await expect(help).toContainText('also deletes every trainee');
	await expect(help).toContainText('"fraud-drill.trainer-pin"');
	// Deleting only that entry, as the gate says, lets a new PIN be set.
	await page.evaluate(() => localStorage.removeItem('fraud-drill.trainer-pin'));
	await page.reload();
	await expect(page.getByRole('button', { name: 'Set PIN and enter' })).toBeVisible();
	await expect(page.getByText('Forgot the PIN?')).toHaveCount(0);
});
