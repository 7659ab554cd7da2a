/**
 * The decision analysis as CSV (same conventions as the cohort exports in `csv.ts`: BOM, CRLF,
 * formula guard): one row per option, with its decision point's figures repeated on each row so
 * that a spreadsheet can filter and sort it. Shares are written as decimals (0.25), not rounded.
 */
import type { Language, Scenario } from '../scenario/schema';
import { render } from '../scenario/text';
import { resolveSetup } from '../attempt/setup';
import { format } from '../i18n/format';
import { localDateTime, toCsv, type Cell } from './csv';
import type { ScenarioItems } from './items';

/** Scenario texts with their names and amounts filled in from one example setup (seed 0). */
export function scenarioTexts(scenario: Scenario, lang: Language) {
	const values = resolveSetup(scenario, 0).values;
	return (text: Parameters<typeof render>[0]) => render(text, lang, scenario, values);
}

export function itemsCsv(analysis: ScenarioItems, scenario: Scenario, lang: Language): string {
	const say = (key: Parameters<typeof format>[1], params?: Record<string, string | number>) => format(lang, key, params);
	const text = scenarioTexts(scenario, lang);
	const header = [
		say('csvScenarioId'),
		say('csvScenarioVersion'),
		say('csvBeatId'),
		say('itemsBeat'),
		say('itemsReached'),
		say('itemsFacility'),
		say('itemsDiscrimination'),
		say('itemsPointBiserial'),
		say('itemsUndecided'),
		say('itemsNote'),
		say('csvActionId'),
		say('itemsOption'),
		say('itemsVerdict'),
		say('itemsChosen'),
		say('itemsShare'),
		say('itemsUpper'),
		say('itemsLower'),
		say('itemsDiscrimination'),
		say('itemsReview')
	];
	const rows: Cell[][] = [header];
	for (const item of analysis.items) {
		const beat = scenario.beats.find((b) => b.id === item.beat)!;
		const note =
			item.warning === 'none-reached'
				? say('itemsNoneReached')
				: item.warning === 'too-few'
					? say('itemsTooFew', { n: item.reached, upper: item.upperReached, lower: item.lowerReached })
					: '';
		for (const option of item.options) {
			const action = beat.actions.find((a) => a.id === option.action)!;
			rows.push([
				analysis.scenarioId,
				analysis.version,
				item.beat,
				text(beat.title),
				item.reached,
				item.facility,
				item.discrimination,
				item.pointBiserial,
				item.undecided,
				note,
				option.action,
				text(action.label),
				say(`verdict_${option.verdict}`),
				option.chosen,
				option.share,
				option.upperShare,
				option.lowerShare,
				option.discrimination,
				option.flag ? say(`itemsFlag_${option.flag}`) : ''
			]);
		}
	}
	return toCsv(rows);
}

/** `fraud-drill-items-<scenario>-<cohort or all>-<local date>.csv`, dated like the cohort exports. */
export function itemsCsvFileName(scenarioId: string, cohort: string, now: Date): string {
	return `fraud-drill-items-${scenarioId}-${cohort || 'all'}-${localDateTime(now.getTime()).slice(0, 10)}.csv`;
}
