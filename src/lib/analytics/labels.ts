/** The names charts and exports show for ids: scenario titles and red-flag labels, in both languages. */
import type { Scenario, Text } from '../scenario/schema';

export interface ChartLabels {
	/** Scenario id → title. */
	scenarios: Record<string, Text>;
	/** Clue id → label (a clue id used by two scenarios takes the first one's label, by scenario id). */
	clues: Record<string, Text>;
}

export function chartLabels(scenarios: readonly Scenario[]): ChartLabels {
	const labels: ChartLabels = { scenarios: {}, clues: {} };
	for (const s of [...scenarios].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : b.version - a.version))) {
		labels.scenarios[s.id] ??= s.meta.title;
		for (const c of s.clues) labels.clues[c.id] ??= c.label;
	}
	return labels;
}

/** A label, or the id itself when none is known. */
export function labelOf(labels: Record<string, Text>, id: string): Text {
	return labels[id] ?? { zh: id, en: id };
}
