/**
 * Imported content never executes: markup, script URLs and odd Unicode in a results file are shown
 * as text; a hostile or broken file changes nothing already stored.
 */
import { expect, test } from './fixtures';
import { generateCohort } from '../fixtures/cohort';
import { allEntries } from './helpers';

const entry = allEntries.find((e) => e.file === 'otp-code-at-counter.json')!;
const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

function hostileBundle() {
	const cohort = generateCohort({
		trainees: 3,
		scenarios: [entry.scenario],
		seed: 99,
		facts: { [entry.scenario.id]: entry.scoring },
		hashes: { [entry.scenario.id]: entry.hash }
	});
	cohort.profiles[0]!.name = HOSTILE_NAME;
	cohort.profiles[1]!.branch = 'javascript:alert(document.cookie)';
	cohort.profiles[2]!.name = '𝕿𝖗𝖆𝖎𝖓𝖊𝖊 王\u200b芳 🙂 ' + 'ü'.repeat(60);
	return {
		format: 'fraud-drill-results',
		formatVersion: 1,
		appVersion: '0.1.0',
		exportedAt: new Date().toISOString(),
		scope: { kind: 'all' },
		...cohort
	};
}

test('hostile strings in a results file are shown as text and never run', async ({ page }, info) => {
	page.on('dialog', (dialog) => {
		throw new Error(`a dialog opened: ${dialog.message()}`);
	});
	await page.addInitScript(() => localStorage.setItem('fraud-drill.language', 'en'));
	const file = info.outputPath('hostile.json');
	const { writeFileSync, mkdirSync } = await import('node:fs');
	mkdirSync(info.outputDir, { recursive: true });
	writeFileSync(file, JSON.stringify(hostileBundle()));

	// A broken file first: refused, and nothing is stored.
	const broken = info.outputPath('broken.json');
	writeFileSync(broken, JSON.stringify(hostileBundle()).slice(0, 2000));
	await page.goto('/trainer/');
	await page.getByLabel('PIN').fill('1111');
	await page.getByRole('button', { name: 'Set PIN and enter' }).click();
	await page.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(broken);
	await expect(page.locator('tr.refused')).toHaveCount(1);
	await expect(page.getByTestId('summary-attempts')).toHaveCount(0);

	await page.locator('input[type=file][aria-describedby="import-help"]').setInputFiles(file);
	await expect(page.getByTestId('summary-attempts')).toHaveText('3');
	await expect(page.getByRole('button', { name: HOSTILE_NAME, exact: true })).toBeVisible();
	// Shown as text wherever the branch appears (the roster, the money-by-branch table).
	await expect(page.getByText('javascript:alert(document.cookie)').filter({ visible: true }).first()).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
	expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
});
