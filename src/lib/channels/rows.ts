/**
 * Account-history rows as the core system lists them: a row's text, split at its separators
 * (" · ", a full-width space, " | "), becomes description, amount and counterparty or memo.
 */

export interface RowCells {
	description: string;
	amount: string;
	/** Counterparty, account, memo: whatever else the row says. */
	other: string;
}

const SEPARATORS = /\s+·\s+|\u3000+|\s+\|\s+/;
const AMOUNT = /^[+\-−]?\s*[¥￥]?\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|元)?$/;
const TRAILING_AMOUNT = /\s([+\-−]\s*[¥￥]?\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|元)?)$/;

export function splitRow(text: string): RowCells {
	const cells = text
		.split(SEPARATORS)
		.map((c) => c.trim())
		.filter(Boolean);
	if (cells.length === 0) return { description: text, amount: '', other: '' };
	let amount = '';
	const at = cells.findIndex((c, i) => i > 0 && AMOUNT.test(c));
	if (at > 0) amount = cells.splice(at, 1)[0]!;
	else {
		const trailing = cells[0]!.match(TRAILING_AMOUNT);
		if (trailing) {
			amount = trailing[1]!;
			cells[0] = cells[0]!.slice(0, trailing.index).trim();
		}
	}
	const [description, ...rest] = cells;
	return { description: description!, amount, other: rest.join(' · ') };
}

/** An amount that leaves the account (drawn in red, as core systems do). */
export function isDebit(amount: string) {
	return /^[-−]/.test(amount.trim());
}
