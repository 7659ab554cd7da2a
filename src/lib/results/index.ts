export { FORMAT, FORMAT_VERSION, LIMITS, bundleSchema, type BundleScope, type ResultsBundle } from './bundle';
export { exportBundle, bundleJson, bundleFileName, type ExportOptions } from './export';
export {
	importBundle,
	importFile,
	prepareBundle,
	storePrepared,
	parseBundle,
	scenarioResolver,
	type ImportReport,
	type PreparedImport,
	type ReportItem,
	type ParseOptions,
	type ParseResult,
	type ResolvedScenario,
	type ScenarioResolver
} from './import';
export { tooLarge, checkReferences } from './parse';
export { verifyAttempt, type VerifiedAttempt } from './verify';
export { APP_VERSION } from './version';
export type { Words } from './words';
