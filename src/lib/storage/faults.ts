/**
 * Fault injection for tests: a Dexie middleware that makes writes fail the way browsers make them
 * fail. Install it before the database is first used. Never used by the app itself.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import type { FraudDrillDB } from './db';

/**
 * - `quota`: the write request fails with a QuotaExceededError.
 * - `quota-abort`: the browser aborts the whole transaction for lack of space, as Chrome does
 *   (pending requests fail with AbortError; the transaction's error is the QuotaExceededError).
 *   This needs fake-indexeddb, whose transactions can be aborted with a given error.
 * - `closed`: the connection is closed under the write.
 */
export type Fault = 'quota' | 'quota-abort' | 'closed';

export interface FaultInjector {
	/** Writes from the `after`-th one (0 = the next) fail, until `heal()`. */
	fail(fault: Fault, after?: number): void;
	heal(): void;
	/** Writes seen since the last `fail` or `heal`. */
	readonly writes: number;
}

export function injectFaults(db: FraudDrillDB): FaultInjector {
	let fault: Fault | null = null;
	let after = 0;
	let writes = 0;
	db.use({
		stack: 'dbcore',
		name: 'test-fault-injection',
		create(down: DBCore): DBCore {
			return {
				...down,
				table(name: string): DBCoreTable {
					const table = down.table(name);
					return {
						...table,
						mutate(req: DBCoreMutateRequest) {
							const n = writes++;
							if (!fault || n < after) return table.mutate(req);
							if (fault === 'quota')
								return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
							if (fault === 'closed') {
								db.close();
								return Promise.reject(new DOMException('The database connection is closing.', 'InvalidStateError'));
							}
							const pending = table.mutate(req);
							(req.trans as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
							return pending;
						}
					};
				}
			};
		}
	});
	return {
		fail(f, n = 0) {
			fault = f;
			after = n;
			writes = 0;
		},
		heal() {
			fault = null;
			writes = 0;
		},
		get writes() {
			return writes;
		}
	};
}
