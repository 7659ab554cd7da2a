/**
 * Links that carry a query string (one prerendered page serves every attempt). Pages are folders
 * (trailingSlash: 'always'), so every path ends in a slash before its query.
 */
import { resolve } from '$app/paths';

const slash = (path: string) => (path.endsWith('/') ? path : `${path}/`);
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** A built-in scenario has pages of its own; one imported on this PC is found from the attempt. */
export const playUrl = (scenario: string, attempt: string, imported = false) =>
	imported
		? `${slash(resolve('/imported/play'))}?${query({ attempt })}`
		: `${slash(resolve('/play/[scenario]', { scenario }))}?${query({ attempt })}`;

export const debriefUrl = (scenario: string, attempt: string, imported = false) =>
	imported
		? `${slash(resolve('/imported/debrief'))}?${query({ attempt })}`
		: `${slash(resolve('/debrief/[scenario]', { scenario }))}?${query({ attempt })}`;

export const trainerAttemptUrl = (id: string) => `${slash(resolve('/trainer/attempt'))}?${query({ id })}`;

export const trainerReportUrl = (cohort: string, mode: string, trainee = '') =>
	`${slash(resolve('/trainer/report'))}?${query(trainee ? { cohort, mode, trainee } : { cohort, mode })}`;
