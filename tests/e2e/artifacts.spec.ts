/**
 * Documents drawn as what they are (issue 16): the trainee marks a red flag where it is on the
 * document, by mouse, keyboard and touch, also in the zoomed view; the debrief quotes the detail;
 * axe finds nothing serious. Screenshots of drawn documents at 1366×768, 1024×768 and 820×1180 in
 * both languages go to the test output for review.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { createProfile, expectNoSeriousViolations, loadScenario, playPath, prepare, startScenario } from './helpers';

const police = loadScenario('fake-police-safe-account.json');
/** The red flag on the deposit certificate: it matures in a few months. */
const MATURITY = '[data-flag="d-cert-maturity"]';

async function openDocuments(page: Page, lang: 'zh' | 'en', name: string) {
	await prepare(page, lang);
	await createProfile(page, name);
	await startScenario(page, police.scenario.id, 'practice');
	await page.locator('#tab-document').click();
	await expect(page.locator('[data-artifact="d-cert"] .frame')).toBeVisible();
}

const flagCount = (page: Page) => page.locator('.flag-count');

test('a red flag on a drawn document is marked where it is: by mouse, by keyboard, and in the zoomed view', async ({ page }) => {
	await openDocuments(page, 'zh', '周敏');
	// The certificate as a whole has no flag of its own: its details are what can be marked.
	await expect(page.locator('[data-item="d-cert"] > .flag')).toHaveCount(0);
	const details = page.locator('[data-artifact="d-cert"] [data-flag]');
	expect(await details.count()).toBeGreaterThanOrEqual(8);

	// Mouse.
	const maturity = page.locator(MATURITY);
	await maturity.click();
	await expect(maturity).toHaveAttribute('aria-pressed', 'true');
	await expect(flagCount(page)).toContainText('1');
	// Its accessible name says what it marks, in the trainee's language.
	await expect(maturity).toHaveAccessibleName(/^取消可疑标记：到期/);

	// Keyboard: Tab reaches the details, Space marks one.
	const name = page.locator('.artifact:not(.zoomed) [data-flag="d-note-name"]');
	await name.focus();
	await page.keyboard.press('Space');
	await expect(name).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('Enter');
	await expect(name).toHaveAttribute('aria-pressed', 'false');

	// Zoom: the same document larger, in a dialog; a mark made there is the same mark.
	await page.locator('[data-artifact="d-note"] .zoom').click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	const zoomedName = dialog.locator('[data-flag="d-note-name"]');
	const small = await name.boundingBox();
	const large = await zoomedName.boundingBox();
	expect(large!.height).toBeGreaterThan(small!.height * 1.2);
	await zoomedName.click();
	await expect(zoomedName).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('Escape');
	await expect(dialog).toHaveCount(0);
	await expect(name).toHaveAttribute('aria-pressed', 'true');
	await expect(flagCount(page)).toContainText('2');

	// Taking a mark back, and marking again.
	await maturity.click();
	await expect(maturity).toHaveAttribute('aria-pressed', 'false');
	await expect(flagCount(page)).toContainText('1');
	await maturity.click();
	await expect(maturity).toHaveAttribute('aria-pressed', 'true');

	// The debrief quotes the detail where the red flag was found: the document and the line.
	await playPath(page, police.scenario, police.analysis.naive, { markFlags: false });
	await page.locator('.ended a').click();
	await page.waitForURL(/\/debrief\//);
	const deposit = page.locator('[data-clue="rf-breaks-deposit"]');
	await expect(deposit).toHaveClass(/found/);
	await expect(deposit.locator('q').first()).toContainText('存单');
	await expect(deposit.locator('q').first()).toContainText('到期');
	// The payee's name, marked in the zoomed note, found the stranger-payee red flag.
	await expect(page.locator('[data-clue="rf-stranger-payee"]')).toHaveClass(/found/);
});

test.describe('on a tablet', () => {
	test.use({ hasTouch: true, viewport: { width: 820, height: 1180 } });

	test('a tap on a detail marks it, and the detail is at least 44 px', async ({ page }) => {
		await openDocuments(page, 'en', 'Zhou Min');
		const maturity = page.locator(MATURITY);
		await maturity.scrollIntoViewIfNeeded();
		const box = await maturity.boundingBox();
		expect(box!.height).toBeGreaterThanOrEqual(44);
		await maturity.tap();
		await expect(maturity).toHaveAttribute('aria-pressed', 'true');
		await expect(maturity).toHaveAccessibleName(/^Remove suspicious mark: Matures/);
	});
});

for (const lang of ['zh', 'en'] as const)
	test(`axe finds no serious or critical violation on drawn documents and their zoomed view (${lang})`, async ({ page }) => {
		test.setTimeout(120_000);
		await openDocuments(page, lang, lang === 'zh' ? '吴芳' : 'Wu Fang');
		await page.locator(MATURITY).click();
		await expectNoSeriousViolations(page, 'documents');
		await page.locator('[data-artifact="d-id"] .zoom').click();
		await expect(page.getByRole('dialog')).toBeVisible();
		await expectNoSeriousViolations(page, 'zoomed ID card');
	});

const shot = (page: Page, info: TestInfo, name: string) =>
	page.screenshot({ path: info.outputPath(`${name}.png`), animations: 'disabled', caret: 'hide' });

for (const { width, height } of [
	{ width: 1366, height: 768 },
	{ width: 1024, height: 768 },
	{ width: 820, height: 1180 }
])
	for (const lang of ['zh', 'en'] as const)
		test(`drawn documents at ${width}×${height} (${lang}): in view, not wider than the desk (screenshots)`, async ({ page }, info) => {
			await page.setViewportSize({ width, height });
			await openDocuments(page, lang, lang === 'zh' ? '郑洁' : 'Zheng Jie');
			await page.locator(MATURITY).click();
			const desk = await page.locator('section.desk').boundingBox();
			for (const id of ['d-cert', 'd-id', 'd-note']) {
				const art = page.locator(`[data-artifact="${id}"]`);
				await art.scrollIntoViewIfNeeded();
				const box = await art.boundingBox();
				expect(box!.x, `${id} starts inside the desk`).toBeGreaterThanOrEqual(desk!.x - 1);
				expect(box!.x + box!.width, `${id} ends inside the desk`).toBeLessThanOrEqual(desk!.x + desk!.width + 1);
			}
			await page.locator('[data-artifact="d-cert"]').scrollIntoViewIfNeeded();
			await shot(page, info, `documents-${lang}-${width}`);
			await page.locator('[data-artifact="d-note"] .zoom').click();
			await expect(page.getByRole('dialog')).toBeVisible();
			await shot(page, info, `zoom-${lang}-${width}`);
		});

/** Scenarios whose first beat puts drawn documents on the e-mail or document channel. */
const FIRST_BEAT = ['honest-supplier-bank-change.json', 'fake-tax-bureau-refund.json', 'task-scam-rebate-transfer.json'];

for (const file of FIRST_BEAT)
	test(`${file}: every drawn document of the first beat shows each of its details, markable (screenshots)`, async ({ page }, info) => {
		const { scenario } = loadScenario(file);
		const start = scenario.beats.find((b) => b.id === scenario.start)!;
		const drawn = start.items.filter((i) => i.artifact);
		expect(drawn.length).toBeGreaterThan(0);
		await page.setViewportSize({ width: 1366, height: 768 });
		await prepare(page, 'zh');
		await createProfile(page, '钱程');
		await startScenario(page, scenario.id, 'practice');
		for (const item of drawn) {
			await page.locator(`#tab-${item.channel}`).click();
			const art = page.locator(`.artifact:not(.zoomed)[data-artifact="${item.id}"]`);
			await art.scrollIntoViewIfNeeded();
			await expect(art.locator('.frame')).toBeVisible();
			await expect(art.locator('[data-flag]')).toHaveCount(item.artifact!.details.length);
			// The text alternative names what it is.
			await expect(art).toHaveAccessibleName(new RegExp(item.text.zh.replace(/[{}()[\]\\.*+?^$|]/g, '.').replace(/\.[a-zA-Z]+\./g, '.*')));
			await art.screenshot({ path: info.outputPath(`${scenario.id}-${item.id}.png`), animations: 'disabled' });
		}
	});
