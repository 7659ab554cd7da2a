/**
 * The debrief in two minutes: one screen at 1366×768 says what happened, what it cost, whether it
 * passed, the decisions that mattered most and the red flags missed; the full debrief is folded
 * below it and opens for reading or printing.
 */
import { expect, test } from './fixtures';
import { badPath, createProfile, loadScenario, playPath, prepare, startScenario } from './helpers';
import { keyDecisions } from '../../src/lib/attempt/key-decisions';
import type { AttemptEvent } from '../../src/lib/scenario/compile';

const { scenario, analysis, scoring } = loadScenario('fake-police-safe-account.json');

for (const lang of ['zh', 'en'] as const) {
	test(`the debrief's summary fits one 1366×768 screen and names what mattered (${lang})`, async ({ page }) => {
		await page.setViewportSize({ width: 1366, height: 768 });
		await prepare(page, lang);
		await createProfile(page, lang === 'zh' ? '周婷' : 'Zhou Ting');
		await startScenario(page, scenario.id, 'practice');
		const path = badPath(analysis, scenario);
		await playPath(page, scenario, path, { markFlags: false });
		await page.locator('.ended a').click();
		const summary = page.getByTestId('debrief-summary');
		await expect(summary).toHaveAttribute('data-ending', path.ending!);

		// What the summary says: the decisions the attempt turned on, heaviest first.
		const expected = keyDecisions(scenario, 1, path.events as AttemptEvent[], scoring.maxPoints);
		const shown = summary.locator('[data-testid="key-decisions"] li');
		await expect(shown).toHaveCount(Math.min(3, expected.length));
		expect(new Set(await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))))).toEqual(
			new Set(expected.map((d) => `${d.beat}/${d.action}`))
		);
		// A trainee who did what the customer asked is shown the mistake that cost the money first.
		await expect(shown.first()).toHaveAttribute('data-verdict', /harmful|poor/);
		await expect(shown.first().locator('.why')).not.toBeEmpty();
		// No red flag was marked: every one that appeared is listed as missed.
		const appeared = await page.locator('[data-section="flags"] .clues > li:not(.unseen)').count();
		expect(appeared).toBeGreaterThan(0);
		await expect(summary.locator('[data-testid="missed-flags"] li')).toHaveCount(appeared);
		await expect(summary.getByTestId('overall')).toBeVisible();

		// One screen: the summary and its buttons end above the fold, and nothing is clipped.
		const box = (await summary.boundingBox())!;
		expect(box.y + box.height, 'summary bottom').toBeLessThanOrEqual(768);
		const again = (await page.locator('.again').first().boundingBox())!;
		expect(again.y + again.height, 'buttons bottom').toBeLessThanOrEqual(768);

		// The full debrief is below, folded; "Open all" opens every section, and printing does too.
		const sections = page.locator('details[data-section]');
		expect(await sections.count()).toBeGreaterThanOrEqual(4);
		await expect(page.locator('details[data-section][open]')).toHaveCount(0);
		await page.getByTestId('toggle-sections').click();
		await expect(page.locator('details[data-section]:not([open])')).toHaveCount(0);
		await expect(page.locator('.timeline li.choice').first()).toBeVisible();
		await page.getByTestId('toggle-sections').click();
		await expect(page.locator('details[data-section][open]')).toHaveCount(0);
		await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
		await expect(page.locator('details[data-section]:not([open])')).toHaveCount(0);
		await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
		await expect(page.locator('details[data-section][open]')).toHaveCount(0);
	});
}

test('after the best course, the summary still fits one screen and credits good decisions (en, the longer texts)', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await prepare(page, 'en');
	await createProfile(page, 'Zhou Ting');
	await startScenario(page, scenario.id, 'practice');
	await playPath(page, scenario, analysis.best, { markFlags: true });
	await page.locator('.ended a').click();
	const summary = page.getByTestId('debrief-summary');
	await expect(summary).toHaveAttribute('data-ending', analysis.best.ending!);
	await expect(summary.locator('[data-testid="key-decisions"] li')).toHaveCount(3);
	await expect(summary.locator('[data-testid="key-decisions"] li:not([data-verdict="good"])')).toHaveCount(0);
	await expect(summary.locator('[data-testid="missed-flags"] li')).toHaveCount(0);
	await expect(summary.getByTestId('missed-flags')).toContainText('You marked every red flag that appeared.');
	const again = (await page.locator('.again').first().boundingBox())!;
	expect(again.y + again.height, 'buttons bottom').toBeLessThanOrEqual(768);
});
