/**
 * Training rooms often have no internet: after one visit, every page works offline, and a whole
 * scenario can be played.
 */
import { expect, test } from './fixtures';
import { controlledByServiceWorker, createProfile, loadScenario, playPath, startScenario } from './helpers';

const { scenario, analysis } = loadScenario('otp-code-at-counter.json');

test('after one visit every route loads offline, and a scenario plays to its end', async ({ page, context }) => {
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	await createProfile(page, 'Offline Tester');
	await controlledByServiceWorker(page);

	await context.setOffline(true);
	const routes = ['/', '/trainer/', '/trainer/report/', '/trainer/attempt/', `/play/${scenario.id}/`, `/debrief/${scenario.id}/`];
	for (const route of routes) {
		const response = await page.goto(route);
		expect(response?.status(), route).toBe(200);
		await expect(page.locator('#main'), route).toBeVisible();
	}

	await page.goto('/');
	await page.clock.install();
	await startScenario(page, scenario.id, 'assessment');
	await playPath(page, scenario, analysis.best, { markFlags: false });
	await expect(page.locator('.ended')).toHaveAttribute('data-ending', analysis.best.ending!);
	await page.locator('.ended a').click();
	await expect(page.locator('.summary')).toHaveAttribute('data-ending', analysis.best.ending!);
});
