/**
 * The `hookscope` command line (bin/hookscope.mjs runs it; `serve` and every --help are answered
 * by the launcher without this bundle). Each command returns its exit code; a UsageError is 2.
 */
import { UsageError } from './args';
import { runListen } from './listen';
import { createOutput, EXIT } from './output';
import { runReplay } from './replay';
import { runTail } from './tail';
import { runTrigger } from './trigger';
import { runVerify } from './verify';

const COMMANDS: Record<string, (argv: readonly string[], output: ReturnType<typeof createOutput>) => Promise<number>> = {
  verify: runVerify,
  trigger: runTrigger,
  tail: runTail,
  listen: runListen,
  replay: runReplay,
};

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const output = createOutput(rest.includes('--json'));
  const run = command === undefined ? undefined : COMMANDS[command];
  try {
    if (!run)
      throw new UsageError(
        `unknown command "${command ?? ''}"; use one of ${Object.keys(COMMANDS).join(', ')}, serve (hookscope --help lists them).`,
      );
    return await run(rest, output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.error(error.message, EXIT.usage);
      return EXIT.usage;
    }
    output.error(`internal error: ${(error as Error).stack ?? String(error)}`, EXIT.failed);
    return EXIT.failed;
  }
}

// Whatever the commands left open (keep-alive sockets), a finished command ends the process.
main(process.argv.slice(2)).then((code) => process.exit(code));
