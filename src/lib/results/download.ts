/**
 * Saving a results file on this PC: the file is made in the browser and saved through an object
 * URL; nothing goes over the network. Loaded on demand by the pages that only export on request.
 */
import type { Store } from '../storage/store';
import { bundleFileName, bundleJson, exportBundle } from './export';
import type { BundleScope, ResultsBundle } from './format';

/** Saves text as a file through an object URL (the text as it is: a CSV brings its own BOM). */
export function downloadText(text: string, fileName: string, type = 'application/json') {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// Some browsers read the URL after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports `scope` from `store` and downloads it; returns the bundle and the file name. */
export async function exportAndDownload(
	store: Store,
	scope: BundleScope,
	label?: string
): Promise<{ bundle: ResultsBundle; fileName: string }> {
	const bundle = await exportBundle(store, scope);
	const fileName = bundleFileName(scope, new Date(), label);
	downloadText(bundleJson(bundle), fileName);
	return { bundle, fileName };
}
