/**
 * A UI string with its parameters filled in. A key may have a `_one` form for n = 1 ("1 detail
 * marked", not "1 details marked"); Chinese has no plural, so its `_one` form reads the same.
 */
import type { Language } from '../scenario/schema';
import { messages, type MessageKey } from './messages';

export function format(lang: Language, key: MessageKey, params?: Record<string, string | number>): string {
	const table: Record<string, string> = messages[lang];
	const template = (params?.n === 1 && table[`${key}_one`]) || table[key]!;
	return params ? template.replace(/\{(\w+)\}/g, (m, k: string) => String(params[k] ?? m)) : template;
}
