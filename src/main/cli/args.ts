/**
 * The command line's flag reader: `--name value`, `--name=value`, repeatable flags and
 * positionals. Every mistake is a UsageError (exit 2) whose one sentence names the flag to fix.
 */
export class UsageError extends Error {}

export type FlagKind = 'value' | 'repeat' | 'switch';

export interface ParsedArgs {
  values: Map<string, string>;
  repeated: Map<string, string[]>;
  switches: Set<string>;
  positionals: string[];
}

/** Reads argv against `flags` (names with their leading --); `command` names the command in errors. */
export function parseArgs(command: string, argv: readonly string[], flags: Record<string, FlagKind>, maxPositionals: number): ParsedArgs {
  const parsed: ParsedArgs = { values: new Map(), repeated: new Map(), switches: new Set(), positionals: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (!arg.startsWith('--')) {
      if (parsed.positionals.length >= maxPositionals) {
        throw new UsageError(`hookscope ${command} does not take "${arg}" here; flags start with -- (see hookscope ${command} --help).`);
      }
      parsed.positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    const kind = flags[name];
    if (kind === undefined) throw new UsageError(`hookscope ${command} has no option ${name}; see hookscope ${command} --help.`);
    if (kind === 'switch') {
      if (equals > 0) throw new UsageError(`${name} takes no value.`);
      parsed.switches.add(name);
      continue;
    }
    let value: string;
    if (equals > 0) value = arg.slice(equals + 1);
    else {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${name} needs a value.`);
      value = next;
      index += 1;
    }
    if (kind === 'repeat') parsed.repeated.set(name, [...(parsed.repeated.get(name) ?? []), value]);
    else if (parsed.values.has(name)) throw new UsageError(`${name} is given twice; give it once.`);
    else parsed.values.set(name, value);
  }
  return parsed;
}

/** A point in time as Unix seconds: whole seconds, or an ISO 8601 time. */
export function parseTime(flag: string, value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  const parsed = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || !Number.isFinite(parsed)) {
    throw new UsageError(`${flag} must be Unix seconds (e.g. 1700000000) or an ISO 8601 time (e.g. 2026-01-02T03:04:05Z); got "${value}".`);
  }
  return Math.floor(parsed / 1000);
}

/** A whole number within [min, max]. */
export function parseWhole(flag: string, value: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}; got "${value}".`);
  return parsed;
}
