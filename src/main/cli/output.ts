/**
 * How commands report: human lines on stdout, or with --json one JSON object per line; errors
 * are one sentence on stderr (and, with --json, an `error` object on stdout too).
 */
export interface Output {
  json: boolean;
  /** One result: `lines` for people, `record` for --json. */
  result(record: Record<string, unknown>, lines: readonly string[]): void;
  error(message: string, exitCode: number): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(record, lines) {
      process.stdout.write(json ? `${JSON.stringify(record)}\n` : `${lines.join('\n')}\n`);
    },
    error(message, exitCode) {
      process.stderr.write(`hookscope: ${message}\n`);
      if (json) process.stdout.write(`${JSON.stringify({ type: 'error', message, exit_code: exitCode })}\n`);
    },
  };
}

/** The exit codes every command shares. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
