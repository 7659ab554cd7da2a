/**
 * A new version of the app, deployed while trainees are at work: the page says so, never reloads
 * in the middle of a scenario, and takes the new version only when the trainee says.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { controlledByServiceWorker, createProfile, loadScenario, startScenario } from './helpers';

const { scenario } = loadScenario('fake-police-safe-account.json');
/** What `vite preview` serves (see playwright.config.ts): the service worker of this build. */
const workerFile = join(process.env.FD_KIT_DIR ?? '.svelte-kit', 'output', 'client', 'service-worker.js');

test('a new version waits for the end of the scenario, then updates when the trainee says', async ({ page }) => {
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	await createProfile(page, 'Update Tester');
	await controlledByServiceWorker(page);

	await startScenario(page, scenario.id, 'practice');
	await page.locator('[data-action="check-terminal"]').click();
	await expect(page.locator('[data-action="check-terminal"]')).toHaveCount(0);
	// Anything kept in the page is lost if it reloads.
	await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

	const original = readFileSync(workerFile);
	try {
		// "Deploy" a new version: any byte changed in the service worker makes the browser install it.
		appendFileSync(workerFile, `\n// next version ${Date.now()}\n`);
		await page.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())!.update();
		});

		const banner = page.locator('.update');
		await expect(banner).toHaveText('A new version is ready; it will update after this scenario.');
		await expect(banner.getByRole('button')).toHaveCount(0);
		// The scenario goes on in the same page.
		await page.locator('[data-action="ask-purpose-counter"]').click();
		await expect(page.locator('[data-action="ask-purpose-counter"]')).toHaveCount(0);
		expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

		// Outside a scenario, the trainee may take it.
		await page.goto('/');
		await expect(banner).toHaveText(/A new version is ready\.\s*Update now/);
		expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
		await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Update now' }).click()]);
		// The new version took over: nothing is waiting any more, and the banner is gone.
		await expect(banner).toHaveCount(0);
		expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(false);
		expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	} finally {
		writeFileSync(workerFile, original);
	}
});
