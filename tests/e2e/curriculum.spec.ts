import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { createProfile, loadScenario, playPath, prepare, scenarioFiles, startScenario } from './helpers';
import { tracksSchema } from '../../src/lib/library/tracks';

const tracks = tracksSchema.parse(JSON.parse(readFileSync('scenarios/curriculum/tracks.json', 'utf8')));
const shipped = new Set(scenarioFiles.map((f) => f.replace(/\.json$/, '')));

for (const track of tracks.tracks) {
	test(`the library lists the ${track.id} track in order, each step with what it trains`, async ({ page }) => {
		await prepare(page, 'en');
		await createProfile(page, 'Zhao Min');
		await page.getByTestId('track-select').selectOption(track.id);
		await expect(page.locator(`[data-track="${track.id}"]`)).toHaveText(track.summary.en);
		const steps = track.steps.filter((s) => shipped.has(s.scenario));
		const cards = page.locator('li.scenario');
		await expect(cards).toHaveCount(steps.length);
		for (const [i, step] of steps.entries()) {
			const card = cards.nth(i);
			await expect(card).toHaveAttribute('data-scenario', step.scenario);
			await expect(card).toContainText(`Step ${i + 1} of ${steps.length}`);
			await expect(card).toContainText(step.skills.en);
			// The card still tells only the neutral situation, never the scenario's real title.
			const { scenario } = loadScenario(`${step.scenario}.json`);
			await expect(card.getByRole('heading')).toHaveText(scenario.meta.situation!.title.en);
		}
		// Back to all scenarios: no step numbers.
		await page.getByTestId('track-select').selectOption('');
		await expect(cards).toHaveCount(shipped.size);
		await expect(page.getByText(/^Step 1 of/)).toHaveCount(0);
	});
}

test('the debrief says where the story comes from: sources, brief sections, what is invented', async ({ page }) => {
	const { scenario, analysis } = loadScenario('task-scam-rebate-transfer.json');
	await prepare(page, 'zh');
	await createProfile(page, '赵敏');
	await startScenario(page, scenario.id, 'practice');
	await playPath(page, scenario, analysis.naive, { markFlags: false });
	await page.getByRole('link', { name: '查看复盘' }).click();
	await page.waitForURL(/\/debrief\//);
	const box = page.getByTestId('provenance');
	await box.getByText('场景依据').click();
	for (const source of scenario.meta.provenance!.sources) await expect(box).toContainText(source.zh);
	await expect(box).toContainText(scenario.meta.provenance!.invented.zh);
});
