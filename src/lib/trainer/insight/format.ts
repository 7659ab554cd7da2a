/** Number formats and notes the analysis views share. */
import { t } from '$lib/i18n/locale.svelte';
import type { ItemAnalysis } from '$lib/analytics/items';

/** A coefficient in [−1, 1] with two decimals and its sign: 0.4 → "+0.40"; null → "—". */
export function decimal(value: number | null): string {
	if (value === null) return '—';
	const s = value.toFixed(2);
	return value > 0 ? `+${s}` : s === '-0.00' ? '0.00' : s;
}

/** Why a decision point's figures say little: nobody, or too few, reached it. */
export function noteOf(item: ItemAnalysis): string {
	return item.warning === 'none-reached'
		? t('itemsNoneReached')
		: item.warning === 'too-few'
			? t('itemsTooFew', { n: item.reached, upper: item.upperReached, lower: item.lowerReached })
			: '';
}
