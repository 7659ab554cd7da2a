/**
 * Hostile scenario documents through the trainer's import in the browser (the same corpus as the
 * CLI's test): each is refused with a located message or accepted safely, the page keeps answering
 * while a large document is checked (the check runs in a worker and can be cancelled), nothing
 * stored changes for a refused document, and no imported document passes for a built-in one.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { hostileCases } from '../fixtures/hostile';
import { createProfile, GRAPH_CHECKED, prepare } from './helpers';

const payload = (name: string, bytes: Uint8Array | string) => ({
	name,
	mimeType: 'application/json',
	buffer: Buffer.from(bytes)
});

/** Every stored scenario document, as the database holds it. */
function storedScenarios(page: Page) {
	return page.evaluate(
		() =>
			new Promise<unknown[]>((resolve, reject) => {
				const open = indexedDB.open('fraud-drill');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const all = db.transaction('scenarios').objectStore('scenarios').getAll();
					all.onsuccess = () => {
						resolve(all.result);
						db.close();
					};
					all.onerror = () => reject(all.error);
				};
			})
	);
}

async function enterTrainer(page: Page) {
	await page.goto('/trainer/');
	await page.getByLabel('PIN').fill('8642');
	await page.getByRole('button', { name: 'Set PIN and enter' }).click();
	await expect(page.getByLabel('Choose scenario files')).toBeAttached();
}

/** A branch's own scenario: a built-in story under its own id and titles. */
function ownScenario(id: string, version: number, title: string) {
	const doc = JSON.parse(readFileSync('scenarios/otp-code-at-counter.json', 'utf8'));
	doc.id = id;
	doc.version = version;
	doc.meta.title = { zh: `本行版：${title}`, en: `Branch edition: ${title}` };
	doc.meta.situation.title = { zh: `本行版 ${version}：${title}`, en: `Branch edition ${version}: ${title}` };
	return doc;
}

test('every hostile document is refused with its place, or accepted safely, and nothing stored changes', async ({ page }) => {
	test.setTimeout(240_000);
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	await enterTrainer(page);
	const picker = page.getByLabel('Choose scenario files');
	await picker.setInputFiles(payload('branch-otp.json', JSON.stringify(ownScenario('branch-otp', 1, 'the code'))));
	await expect(page.locator('[data-scenario-report="branch-otp.json"]')).toContainText('Imported', GRAPH_CHECKED);
	const before = await storedScenarios(page);
	expect(before).toHaveLength(1);

	// A built-in scenario's id with a higher version, its harmful choices re-marked good.
	const official = JSON.parse(readFileSync('scenarios/honest-house-purchase.json', 'utf8'));
	official.version = 99;
	official.meta.title = { zh: '[官方更新] 购房', en: '[Official update] House purchase' };
	for (const beat of official.beats) for (const a of beat.actions) if (a.verdict === 'harmful') a.verdict = 'good';
	const cases = hostileCases().filter((c) => c.file !== 'optional-facts.json');
	await picker.setInputFiles([
		...cases.map((c) => payload(c.file, c.bytes)),
		payload('official-update.json', JSON.stringify(official))
	]);
	for (const c of cases) {
		const report = page.locator(`[data-scenario-report="${c.file}"]`);
		if (c.expect === 'accept') await expect(report, c.file).toContainText('Imported', { timeout: 120_000 });
		else {
			await expect(report, c.file).toContainText('not imported', { timeout: 120_000 });
			await expect(report, c.file).toContainText(c.expect);
		}
	}
	await expect(page.locator('[data-scenario-report="official-update.json"]')).toContainText(
		'"honest-house-purchase" is the id of a built-in scenario; an imported scenario cannot use it.'
	);
	await expect(page.locator('[data-checking]')).toHaveCount(0);

	// Only the accepted document was added; every other row is exactly as it was.
	const after = (await storedScenarios(page)) as { id: string }[];
	const accepted = new Set(cases.filter((c) => c.expect === 'accept').map((c) => c.file.replace(/\.json$/, '')));
	expect(after.filter((r) => !accepted.has(r.id))).toEqual(before);
	expect(after).toHaveLength(before.length + accepted.size);
});

test('the page keeps answering while a large document is checked, and the check can be cancelled', async ({ page }) => {
	test.setTimeout(180_000);
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'zh'));
	await page.goto('/trainer/');
	await page.getByLabel('PIN 码').fill('8642');
	await page.getByRole('button', { name: '设置并进入' }).click();
	const picker = page.getByLabel('选择场景文件');
	const big = hostileCases().find((c) => c.file === 'optional-facts.json')!;
	await picker.setInputFiles(payload(big.file, big.bytes));
	const status = page.locator('[data-checking="optional-facts.json"]');
	// The worker reports its progress while it explores: the page paints it, so it is not blocked.
	await expect(status).toContainText(/已检查 [1-9][\d,]* 种情形/);
	const first = await status.textContent();
	await expect(status).not.toHaveText(first!);
	await status.getByRole('button', { name: '取消检查' }).click();
	await expect(page.locator('[data-scenario-report="optional-facts.json"]')).toContainText('已取消检查，未导入。');
	await expect(status).toHaveCount(0);
	expect(await storedScenarios(page)).toEqual([]);

	// Choosing the same file again checks it again (the input was cleared). What is cheap to decide
	// (a broken file, a built-in id) is shown at once, before the long check of the first file ends.
	const builtin = JSON.parse(readFileSync('scenarios/honest-house-purchase.json', 'utf8'));
	builtin.version = 99;
	await picker.setInputFiles([
		payload(big.file, big.bytes),
		payload('broken.json', '{"id": '),
		payload('builtin.json', JSON.stringify(builtin)),
		payload('later.json', JSON.stringify(ownScenario('branch-later', 1, 'later')))
	]);
	await expect(status).toContainText(/已检查 [1-9][\d,]* 种情形/);
	await expect(page.locator('[data-scenario-report="broken.json"]')).toContainText('未导入');
	await expect(page.locator('[data-scenario-report="builtin.json"]')).toContainText('“honest-house-purchase”');
	await expect(page.locator('[data-scenario-report="later.json"]')).toContainText('排队等待检查');
	await expect(status).toBeVisible();
	await status.getByRole('button', { name: '取消检查' }).click();
	await expect(page.locator('[data-scenario-report="optional-facts.json"]')).toContainText('已取消检查');
	// Cancelling ends the batch: the file still waiting is not checked, and says so.
	await expect(page.locator('[data-scenario-report="later.json"]')).toContainText('已取消检查');
	expect(await storedScenarios(page)).toEqual([]);
});

test('two versions of an imported scenario are one library card, the latest', async ({ page }) => {
	test.setTimeout(120_000);
	await prepare(page, 'en');
	await enterTrainer(page);
	const picker = page.getByLabel('Choose scenario files');
	const v1 = ownScenario('branch-otp', 1, 'the code');
	const v2 = ownScenario('branch-otp', 2, 'the code, revised');
	await picker.setInputFiles([payload('v1.json', JSON.stringify(v1)), payload('v2.json', JSON.stringify(v2))]);
	// Both rows are there at once, waiting; each is filled in when its check ends.
	await expect(page.locator('[data-scenario-report="v2.json"]')).toBeVisible();
	await expect(page.locator('[data-scenario-report="v1.json"]')).toContainText('Imported', GRAPH_CHECKED);
	await expect(page.locator('[data-scenario-report="v2.json"]')).toContainText('Imported', GRAPH_CHECKED);
	// Two files of the same name in one batch: each has its own report.
	await picker.setInputFiles([payload('same.json', JSON.stringify(v1)), payload('same.json', JSON.stringify(v2))]);
	await expect(page.locator('[data-scenario-report="same.json"]')).toHaveCount(2);
	await expect(page.locator('[data-scenario-report="same.json"]').nth(1)).toContainText('Already here, unchanged');

	await createProfile(page, 'Zhou Min');
	const cards = page.locator('[data-scenario="branch-otp"]');
	await expect(cards).toHaveCount(1);
	await expect(cards.getByRole('heading')).toHaveText(v2.meta.situation.title.en);
	// The built-in cards are as they were: one per built-in id.
	const ids = await page.locator('[data-scenario]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')));
	expect(new Set(ids).size).toBe(ids.length);
});
