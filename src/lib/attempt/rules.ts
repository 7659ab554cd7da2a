/**
 * The assessment rules an attempt is played and scored under. An attempt keeps the version it was
 * started under, so results from before a change are verified and shown under their own rules,
 * never silently re-scored.
 * - 1: options in authored order; per-competency points, each clipped at zero.
 * - 2: options in an order drawn from the seed; outcome-first scoring (`score.ts`).
 */
export const CURRENT_RULES = 2;
export type Rules = 1 | 2;

/** Attempts stored or exported before rules were recorded were played under rules 1. */
export function rulesOf(attempt: { rules?: number | null }): Rules {
	return attempt.rules === 2 ? 2 : 1;
}
