/** How to start a tunnel binary: directly, or (a Windows .cmd/.bat) through cmd.exe. */
export interface SpawnPlan {
  command: string;
  args: string[];
  shell: boolean;
}

/** What cmd.exe reads literally: the arguments are Hookscope's own constants, ports and addresses. */
const PLAIN_ARGUMENT = /^[A-Za-z0-9:/._[\]-]+$/;

/**
 * Windows runs a .cmd or .bat (a package manager's shim, found through PATHEXT) only through
 * cmd.exe: spawning it without a shell fails with EINVAL. Through the shell, cmd.exe would
 * interpret `"`, `%`, `&`, `|`... so the path (quoted) may not hold `"` or `%`, and every argument
 * must be plain. Throws an Error saying what to do otherwise.
 */
export function spawnPlan(binary: string, args: string[], platform: string = process.platform): SpawnPlan {
  if (platform !== 'win32' || !/\.(cmd|bat)$/i.test(binary)) return { command: binary, args, shell: false };
  if (/["%]/.test(binary)) {
    throw new Error(
      `${binary} is a batch file in a folder whose name holds " or %, which cmd.exe would misread; move it, or point the variable at the .exe itself.`,
    );
  }
  const odd = args.find((arg) => !PLAIN_ARGUMENT.test(arg));
  if (odd !== undefined)
    throw new Error(`Refusing to pass ${JSON.stringify(odd)} to ${binary} through cmd.exe; point the variable at the .exe itself.`);
  // One command line (Node deprecates arguments next to `shell: true`: it would only join them).
  return { command: [`"${binary}"`, ...args].join(' '), args: [], shell: true };
}
