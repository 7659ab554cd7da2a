import { describe, expect, it } from 'vitest';
import { chartLabels, labelOf } from './labels';
import { miniScenario } from '../../../tests/unit/fixtures';

describe('chartLabels', () => {
	const mini = miniScenario();
	const other = miniScenario((doc) => {
		doc.id = 'another';
		doc.meta.title = { zh: '另一个', en: 'Another' };
		doc.clues[0].label = { zh: '别的说法', en: 'Put otherwise' };
		doc.clues.push({ id: 'gone', kind: 'decoy', items: ['gone'], label: { zh: '离开', en: 'Leaves' }, explanation: { zh: '无', en: 'None' } });
	});

	it('names every scenario and clue, the first scenario by id winning a shared clue id', () => {
		const labels = chartLabels([mini, other]);
		expect(labels.scenarios).toEqual({ mini: mini.meta.title, another: { zh: '另一个', en: 'Another' } });
		// "another" sorts before "mini", so its wording of the shared clue "phone" is used.
		expect(labels.clues.phone).toEqual({ zh: '别的说法', en: 'Put otherwise' });
		expect(labels.clues.gone).toEqual({ zh: '离开', en: 'Leaves' });
		expect(chartLabels([other, mini])).toEqual(labels);
	});

	it.each([
		['phone', { zh: '一直通话', en: 'Always on the phone' }],
		['unknown-id', { zh: 'unknown-id', en: 'unknown-id' }]
	])('labelOf(%s)', (id, expected) => {
		expect(labelOf(chartLabels([mini]).clues, id)).toEqual(expected);
	});
});
