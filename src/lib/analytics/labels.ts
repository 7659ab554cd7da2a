/** The names charts and exports show for ids: scenario titles and red-flag labels, in both languages. */
import type { Scenario } from '../scenario/schema';
import type { ChartLabels } from '../i18n/labels';

// Kept where they were for the charts; they live in i18n so that trainee pages can use them.
export { labelOf, type ChartLabels } from '../i18n/labels';

export function chartLabels(scenarios: readonly Scenario[]): ChartLabels {
	const labels: ChartLabels = { scenarios: {}, clues: {} };
	for (const s of [...scenarios].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : b.version - a.version))) {
		labels.scenarios[s.id] ??= s.meta.title;
		for (const c of s.clues) labels.clues[c.id] ??= c.label;
	}
	return labels;
}
