import { resolve } from 'node:path';

/** Repository root (this file is services/kit/dist/paths.js once built). */
export const projectRoot = (): string => resolve(__dirname, '..', '..', '..');

/** Local state: the embedded cluster's data and the development signing secret. Ignored by git. */
export const dataDir = (): string => resolve(process.env.PB_DATA_DIR || resolve(projectRoot(), '.data'));
