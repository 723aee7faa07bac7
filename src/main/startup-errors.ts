/** One sentence a user can act on for the errors that stop the engine from starting. */
export function describeStartupError(error: unknown): string {
  const err = error as NodeJS.ErrnoException & { port?: number; address?: string };
  if (err?.code === 'EADDRINUSE') {
    return `port ${err.port ?? '?'} on ${err.address ?? '127.0.0.1'} is already in use (another Hookscope?); choose another with --receiver-port / --ui-port or the HOOKSCOPE_RECEIVER_PORT / HOOKSCOPE_UI_PORT variables.`;
  }
  if (err?.code === 'EACCES' && err.syscall === 'listen') {
    return `permission denied binding port ${err.port ?? '?'}; ports below 1024 need privileges, pick a higher one.`;
  }
  if (typeof err?.message === 'string' && /NODE_MODULE_VERSION/.test(err.message)) {
    return `better-sqlite3 was compiled for another Node.js ABI (${err.message.split('\n')[0]}); run \`npm rebuild better-sqlite3\`.`;
  }
  return err instanceof Error ? err.message : String(error);
}
