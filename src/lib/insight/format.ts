/** Small display helpers of the insight views. */
import type { Language } from '$lib/scenario/schema';

/** A local day "2026-12-31" as the reader's language writes it: "2026年12月31日" / "31 Dec 2026". */
export function dayLabel(day: string, lang: Language): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return new Date(y, m - 1, d).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
		year: 'numeric',
		month: lang === 'zh' ? 'long' : 'short',
		day: 'numeric'
	});
}
