/** Renders scenario text in one language with the attempt's variable values filled in. */
import type { Language, Scenario, Text } from './schema';

/** A resolved variable: a number (amounts, integers) or text in both languages. */
export type Value = number | Text;

export function formatMoney(amount: number, lang: Language): string {
	if (lang === 'zh') {
		if (amount >= 10_000 && amount % 100 === 0) {
			const wan = amount / 10_000;
			return `${Number.isInteger(wan) ? wan : wan.toFixed(2).replace(/0+$/, '')}万元`;
		}
		return `${amount.toLocaleString('zh-CN')}元`;
	}
	return `¥${amount.toLocaleString('en-GB')}`;
}

export function formatValue(scenario: Scenario, name: string, value: Value, lang: Language): string {
	if (typeof value !== 'number') return value[lang];
	return Object.hasOwn(scenario.variables, name) && scenario.variables[name]!.kind === 'amount' ? formatMoney(value, lang) : String(value);
}

export function render(
	text: Text,
	lang: Language,
	scenario: Scenario,
	values: Record<string, Value>
): string {
	return text[lang].replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (whole, name: string) => {
		const value = Object.hasOwn(values, name) ? values[name] : undefined;
		return value === undefined ? whole : formatValue(scenario, name, value, lang);
	});
}

/** "09:30" + simulated seconds → "09:42". */
export function clockTime(start: string, seconds: number): string {
	const [h, m] = start.split(':').map(Number) as [number, number];
	const total = h * 3600 + m * 60 + Math.floor(seconds);
	const hh = Math.floor(total / 3600) % 24;
	const mm = Math.floor(total / 60) % 60;
	return `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

/** Simulated seconds as "4:05" (minutes:seconds since the start). */
export function elapsed(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
