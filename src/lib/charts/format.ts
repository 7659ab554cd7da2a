/** Small pure helpers the chart components share: number formats, label fitting, legible text colour. */

/** A share in [0, 1] as a whole percentage: 0.333 → "33%"; null → "—". */
export function percent(share: number | null): string {
	return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** A 0–100 score, rounded: 57.4 → "57"; null → "—". */
export function score(value: number | null): string {
	return value === null ? '—' : String(Math.round(value));
}

/** Rough width of a label in em: CJK and full-width characters take one em, the rest about half. */
export function textWidthEm(text: string): number {
	let em = 0;
	for (const ch of text) em += /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 1 : 0.56;
	return em;
}

/** Cuts a label to fit `maxEm` em, ending with "…" when cut (the full label is in the table). */
export function fitText(text: string, maxEm: number): string {
	if (textWidthEm(text) <= maxEm) return text;
	let out = '';
	for (const ch of text) {
		if (textWidthEm(out + ch) > maxEm - 1) break;
		out += ch;
	}
	return `${out.trimEnd()}…`;
}

/** sRGB relative luminance of "rgb(r, g, b)" or "#rrggbb" (WCAG 2). */
export function luminance(colour: string): number {
	const m = colour.match(/^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/);
	const hex = colour.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
	const parts = m ? m.slice(1, 4).map(Number) : hex ? hex.slice(1, 4).map((h) => parseInt(h, 16)) : null;
	if (!parts) throw new Error(`not a colour: ${colour}`);
	const [r, g, b] = parts.map((v) => {
		const c = v / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

export const INK = '#1c2733';
export const WHITE = '#ffffff';
export const BLACK = '#000000';

/**
 * The text colour for a fill: ink or white, whichever reads better, and pure black on the middle
 * tones where neither reaches WCAG's 4.5:1 (black and white between them always do).
 */
export function textOn(fill: string): string {
	const best = contrast(fill, INK) >= contrast(fill, WHITE) ? INK : WHITE;
	return contrast(fill, best) >= 4.5 ? best : BLACK;
}

/** "2025-03-04" → epoch ms at UTC midnight (days are calendar days, not instants). */
export function dayToUtc(day: string): number {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return Date.UTC(y, m - 1, d);
}

/** "2025-03-04" → "3/4". */
export function shortDay(day: string): string {
	const [, m, d] = day.split('-').map(Number) as [number, number, number];
	return `${m}/${d}`;
}

const DURATION_STEPS = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/**
 * Axis ticks for simulated durations on whole minutes (or half-minutes), which read as "2:00",
 * "4:00" rather than d3's decimal steps ("3:20"): at most `count` steps from 0 past `maxSeconds`.
 */
export function durationTicks(maxSeconds: number, count = 6): number[] {
	const top = Math.max(1, maxSeconds);
	const step = DURATION_STEPS.find((s) => top / s <= count) ?? 3600 * Math.ceil(top / 3600 / count);
	const end = Math.ceil(top / step) * step;
	return Array.from({ length: end / step + 1 }, (_, i) => i * step);
}

/**
 * Breaks a label into at most `maxLines` lines of `maxEm` em: at a space where there is one
 * (English), anywhere between characters otherwise (Chinese); the last line is cut with "…".
 */
export function wrapText(text: string, maxEm: number, maxLines = 2): string[] {
	const lines: string[] = [];
	let rest = text.trim();
	while (rest && lines.length < maxLines) {
		if (textWidthEm(rest) <= maxEm) {
			lines.push(rest);
			break;
		}
		if (lines.length === maxLines - 1) {
			lines.push(fitText(rest, maxEm));
			break;
		}
		const chars = [...rest];
		let width = 0;
		let fits = 0;
		let lastSpace = -1;
		for (const [i, ch] of chars.entries()) {
			width += textWidthEm(ch);
			if (width > maxEm) break;
			if (ch === ' ') lastSpace = i;
			fits = i + 1;
		}
		const at = lastSpace > 0 && fits < chars.length ? lastSpace : Math.max(1, fits);
		lines.push(chars.slice(0, at).join('').trimEnd());
		rest = chars.slice(at).join('').trimStart();
	}
	return lines;
}
