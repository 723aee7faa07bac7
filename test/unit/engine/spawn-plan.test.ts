import { describe, expect, it } from 'vitest';
import { spawnPlan } from '../../../src/main/engine/tunnels/spawn-plan';

const ARGS = ['tunnel', '--url', 'http://127.0.0.1:4700', '--metrics', '127.0.0.1:50123'];

describe('spawnPlan', () => {
  it('spawns a program directly, on Windows too when it is an .exe', () => {
    expect(spawnPlan('/usr/bin/cloudflared', ARGS, 'linux')).toEqual({ command: '/usr/bin/cloudflared', args: ARGS, shell: false });
    expect(spawnPlan('C:\\Tools\\ngrok.EXE', ['http', '4700'], 'win32')).toEqual({
      command: 'C:\\Tools\\ngrok.EXE',
      args: ['http', '4700'],
      shell: false,
    });
    // A file named .cmd elsewhere is an ordinary executable.
    expect(spawnPlan('/opt/bin/ngrok.cmd', ['http', '4700'], 'darwin').shell).toBe(false);
  });

  it("runs a Windows .cmd/.bat through cmd.exe, its path quoted, with Hookscope's own plain arguments", () => {
    expect(spawnPlan('C:\\Program Files\\npm\\ngrok.cmd', ['http', '4700', '--log', 'stdout', '--log-format', 'logfmt'], 'win32')).toEqual({
      command: '"C:\\Program Files\\npm\\ngrok.cmd" http 4700 --log stdout --log-format logfmt',
      args: [],
      shell: true,
    });
    expect(spawnPlan('C:\\shims\\cloudflared.BAT', ['tunnel', '--url', 'http://[::1]:4700'], 'win32').shell).toBe(true);
  });

  it('refuses what cmd.exe would interpret, saying what to do', () => {
    expect(() => spawnPlan('C:\\100%\\ngrok.cmd', ['http', '4700'], 'win32')).toThrow(/holds " or %.*point the variable at the \.exe/);
    expect(() => spawnPlan('C:\\shims\\ngrok.cmd', ['http', '4700 & calc'], 'win32')).toThrow(/Refusing to pass "4700 & calc"/);
  });
});
