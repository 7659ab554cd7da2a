/** The app's version, written into every results file (Vite keeps only this field of package.json). */
export { version as APP_VERSION } from '../../../package.json';
