/** Types for electron-binary.mjs, so TypeScript tests can share the lookup with scripts/start.mjs. */
export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };
export function findElectronBinary(): ElectronBinary;
