/**
 * Every scenario, played in the browser: once along the graph check's best path (marking red flags)
 * to its best ending, once as a trainee who does what the customer asks, to a bad ending.
 * Languages alternate, so both are played across the suite.
 */
import { expect, test } from './fixtures';
import { GOOD_OUTCOMES } from '../../src/lib/scenario/vocabulary';
import { badPath, createProfile, loadScenario, playPath, prepare, scenarioFiles, startScenario } from './helpers';

scenarioFiles.forEach((file, i) => {
	const { scenario, analysis } = loadScenario(file);
	const langs = i % 2 === 0 ? (['zh', 'en'] as const) : (['en', 'zh'] as const);

	test(`${scenario.id}: best path reaches the best ending (${langs[0]})`, async ({ page }) => {
		const lang = langs[0];
		await prepare(page, lang);
		await createProfile(page, lang === 'zh' ? '陈敏' : 'Chen Min');
		await startScenario(page, scenario.id, 'assessment');
		await playPath(page, scenario, analysis.best, { markFlags: true });
		const ending = scenario.endings.find((e) => e.id === analysis.best.ending)!;
		expect(GOOD_OUTCOMES).toContain(ending.outcome);
		await expect(page.locator('.ended')).toHaveAttribute('data-ending', ending.id);
		// Every variable is filled in with this attempt's value: no "{bossMobile}" left on screen.
		await expect(page.locator('body')).not.toContainText(/\{[A-Za-z][A-Za-z0-9]*\}/);
		await page.locator('.ended a').click();
		await expect(page.locator('.summary')).toHaveAttribute('data-ending', ending.id);
		await expect(page.locator('body')).not.toContainText(/\{[A-Za-z][A-Za-z0-9]*\}/);
		await expect(page.locator('.verdict.pass')).toBeVisible();
	});

	test(`${scenario.id}: doing what the customer asks ends badly (${langs[1]})`, async ({ page }) => {
		const lang = langs[1];
		await prepare(page, lang);
		await createProfile(page, lang === 'zh' ? '赵磊' : 'Zhao Lei');
		await startScenario(page, scenario.id, 'practice');
		const path = badPath(analysis, scenario);
		await playPath(page, scenario, path, { markFlags: false });
		const ending = scenario.endings.find((e) => e.id === path.ending)!;
		await expect(page.locator('.ended')).toHaveAttribute('data-ending', ending.id);
		await page.locator('.ended a').click();
		await expect(page.locator('.verdict:not(.pass)')).toBeVisible();
	});
});
