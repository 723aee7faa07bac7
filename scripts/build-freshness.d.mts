/** Types for build-freshness.mjs, so TypeScript tests can check the launchers' decision. */
export function staleReason(root: string): string | null;
export function canBuild(root: string): boolean;
