/**
 * Exporting results files: one trainee, one cohort, everything on this PC, or a full backup
 * (which also carries the scenarios a trainer imported, for moving to a new PC).
 */
import type { RowScope, Store } from '../storage/store';
import { portableAttempt } from '../storage/db';
import { FORMAT, FORMAT_VERSION, type BundleScope, type ResultsBundle } from './format';
import { APP_VERSION } from './version';

export interface ExportOptions {
	appVersion?: string;
	now?: Date;
}

function rowScope(scope: BundleScope): RowScope {
	switch (scope.kind) {
		case 'trainee':
			return { kind: 'trainee', profileId: scope.value };
		case 'cohort':
			return { kind: 'cohort', cohort: scope.value };
		default:
			return { kind: 'all' };
	}
}

export async function exportBundle(
	store: Store,
	scope: BundleScope,
	options: ExportOptions = {}
): Promise<ResultsBundle> {
	const rows = await store.readRows(rowScope(scope), scope.kind === 'backup');
	const bundle: ResultsBundle = {
		format: FORMAT,
		formatVersion: FORMAT_VERSION,
		appVersion: options.appVersion ?? APP_VERSION,
		exportedAt: (options.now ?? new Date()).toISOString(),
		scope,
		profiles: rows.profiles.map(({ id, name, employeeNo, branch, cohort, createdAt }) => ({
			id,
			name,
			employeeNo,
			branch,
			cohort,
			createdAt
		})),
		attempts: rows.attempts.map(portableAttempt),
		events: rows.events.map(({ attemptId, seq, event, at }) => ({
			attemptId,
			seq,
			event,
			at
		}))
	};
	if (scope.kind === 'backup')
		bundle.scenarios = rows.scenarios.map(({ id, version, hash, doc, importedAt }) => ({
			id,
			version,
			hash,
			doc,
			importedAt
		}));
	return bundle;
}

/** The file's text: UTF-8 JSON without a byte-order mark. */
export function bundleJson(bundle: ResultsBundle): string {
	return JSON.stringify(bundle) + '\n';
}

/** Characters no file system accepts, and spaces, become "-". */
function safePart(value: string): string {
	return (
		value
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f\\/:*?"<>|\s]+/g, '-')
			.replace(/^[-.]+|[-.]+$/g, '')
			.slice(0, 40) || 'x'
	);
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * `fraud-drill-results-cohort-2025A-20250303-0915.json`, in local time. For one trainee,
 * pass their name as `label` (the scope holds only the profile id).
 */
export function bundleFileName(scope: BundleScope, date: Date, label?: string): string {
	const stamp = `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}`;
	switch (scope.kind) {
		case 'backup':
			return `fraud-drill-backup-${stamp}.json`;
		case 'all':
			return `fraud-drill-results-all-${stamp}.json`;
		case 'cohort':
			return `fraud-drill-results-cohort-${safePart(scope.value)}-${stamp}.json`;
		case 'trainee':
			return `fraud-drill-results-${safePart(label ?? scope.value.slice(0, 8))}-${stamp}.json`;
	}
}
