/** The last lines a child process printed (stdout and stderr together), for error messages. */
export class OutputLines {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(
    private readonly keep = 20,
    private readonly onLine: (line: string) => void = () => {},
  ) {}

  push(chunk: Buffer | string): void {
    const text = this.partial + chunk.toString();
    const parts = text.split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const part of parts) this.add(part);
  }

  /** The unterminated tail counts as a line once the process is gone. */
  end(): void {
    if (this.partial !== '') this.add(this.partial);
    this.partial = '';
  }

  last(count = this.keep): string[] {
    return this.lines.slice(-count);
  }

  private add(raw: string): void {
    // eslint-disable-next-line no-control-regex
    const line = raw.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').trimEnd();
    if (line.trim() === '') return;
    this.lines.push(line);
    if (this.lines.length > this.keep) this.lines.shift();
    this.onLine(line);
  }
}
