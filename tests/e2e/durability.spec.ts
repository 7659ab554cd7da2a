/**
 * Nothing is lost: a killed browser resumes where it was, results move from a trainee's browser to
 * a trainer's fresh one, and two tabs on one attempt cannot fork its log.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { expect, test } from './fixtures';
import { BEGIN, createProfile, killBrowser, loadScenario, playPath, startScenario } from './helpers';

const { scenario, analysis } = loadScenario('fake-police-safe-account.json');
const firstChoices = { ...analysis.best, events: analysis.best.events.slice(0, 3) };

async function decisionState(page: import('@playwright/test').Page) {
	return {
		prompt: await page.locator('#prompt').textContent(),
		actions: await page.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))),
		flags: await page.locator('#flags-title').textContent()
	};
}

test('killing the browser mid-scenario loses nothing: relaunched, it resumes at the same beat', async ({ baseURL }) => {
	const dir = mkdtempSync(join(tmpdir(), 'fraud-drill-profile-'));
	try {
		const launch = () =>
			chromium.launchPersistentContext(dir, { executablePath: chromiumPath, args: chromiumArgs, baseURL, viewport: { width: 1366, height: 768 } });
		const first = await launch();
		const page = first.pages()[0] ?? (await first.newPage());
		await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
		await createProfile(page, 'Crash Test');
		await startScenario(page, scenario.id, 'practice');
		await playPath(page, scenario, firstChoices, { markFlags: true });
		const before = await decisionState(page);
		const url = page.url();

		await killBrowser(first, dir);

		const second = await launch();
		const again = second.pages()[0] ?? (await second.newPage());
		await again.goto('/');
		// Which trainee was using the PC is kept in localStorage, which Chromium writes to disk only
		// every few seconds: after a kill the trainee may have to pick their profile again.
		const resume = again.getByRole('button', { name: 'Resume' });
		const profile = again.getByRole('button', { name: /Crash Test/ });
		await expect(resume.or(profile).first()).toBeVisible();
		if (await profile.isVisible()) await profile.click();
		await resume.click();
		await expect(again.locator('#prompt')).toHaveText(before.prompt!);
		expect(await decisionState(again)).toEqual(before);
		expect(again.url()).toBe(url);
		await second.close();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test("a trainee's results file, exported on one browser, imports on a trainer's fresh one", async ({ browser }, info) => {
	const trainee = await browser.newContext();
	const page = await trainee.newPage();
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	await page.clock.install();
	await createProfile(page, 'Export Tester');
	await startScenario(page, scenario.id, 'assessment');
	await playPath(page, scenario, analysis.naive, { markFlags: false });
	await expect(page.locator('.ended')).toBeVisible();
	await page.goto('/me/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Export Tester');
	const [download] = await Promise.all([page.waitForEvent('download'), page.locator('form.export button[type=submit]').click()]);
	const file = info.outputPath('export-tester.json');
	await download.saveAs(file);
	await trainee.close();

	const trainer = await browser.newContext();
	const desk = await trainer.newPage();
	await desk.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	await desk.goto('/trainer/');
	await desk.getByLabel('PIN').fill('4321');
	await desk.getByRole('button', { name: 'Set PIN and enter' }).click();
	await desk.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(file);
	await expect(desk.getByTestId('summary-attempts')).toHaveText('1');
	await expect(desk.getByRole('button', { name: 'Export Tester', exact: true })).toBeVisible();
	// The same file again changes nothing.
	await desk.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(file);
	await expect(desk.getByTestId('summary-attempts')).toHaveText('1');
	await trainer.close();
});

test('two tabs on one attempt cannot fork its log', async ({ page, context }) => {
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	await createProfile(page, 'Two Tabs');
	await startScenario(page, scenario.id, 'practice');
	const url = page.url();
	const other = await context.newPage();
	await other.goto(url);
	await other.getByRole('dialog').getByRole('button', { name: BEGIN }).click();
	await expect(other.locator('#prompt')).toBeVisible();

	const [a, b] = analysis.best.choices;
	await page.locator(`[data-action="${a!.action}"]`).click();
	await expect(page.locator(`[data-action="${a!.action}"]`)).toHaveCount(0);
	// The second tab still shows the old step; its write of the same step is refused, not added.
	await other.locator(`[data-action="${b!.action}"], [data-action="${a!.action}"]`).first().click();
	await expect(other.getByRole('alert')).toContainText('another tab');
	await other.reload();
	expect(await decisionState(other)).toEqual(await decisionState(page));
});
