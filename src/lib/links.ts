/** Links that carry an attempt id (query strings keep one prerendered page per scenario). */
import { resolve } from '$app/paths';

export const playUrl = (scenario: string, attempt: string) =>
	`${resolve('/play/[scenario]', { scenario })}?attempt=${encodeURIComponent(attempt)}`;

export const debriefUrl = (scenario: string, attempt: string) =>
	`${resolve('/debrief/[scenario]', { scenario })}?attempt=${encodeURIComponent(attempt)}`;
