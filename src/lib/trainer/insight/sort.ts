/** Sorting of the analysis tables: by one column, either way; empty values (—) always last. */
export type Direction = 'ascending' | 'descending';

export interface SortState<K extends string> {
	key: K;
	direction: Direction;
}

export function sortRows<T, K extends string>(
	rows: readonly T[],
	state: SortState<K>,
	value: (row: T, key: K) => number | string | null
): T[] {
	const sign = state.direction === 'ascending' ? 1 : -1;
	return rows
		.map((row, i) => ({ row, i, v: value(row, state.key) }))
		.sort((a, b) => {
			if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
			const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v));
			return c ? sign * c : a.i - b.i;
		})
		.map((x) => x.row);
}

/** A click on a header: the same column flips its direction, another starts with `first`. */
export function nextSort<K extends string>(state: SortState<K>, key: K, first: Direction = 'ascending'): SortState<K> {
	return state.key === key
		? { key, direction: state.direction === 'ascending' ? 'descending' : 'ascending' }
		: { key, direction: first };
}
