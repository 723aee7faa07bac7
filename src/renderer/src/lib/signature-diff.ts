export interface AlignedChar {
  char: string;
  differs: boolean;
}

/**
 * Aligns two signatures position by position (hex digests have a fixed length, so positional
 * comparison is what a human does when squinting at them). Missing positions are shown as '·'.
 */
export function alignSignatures(expected: string, received: string): { expected: AlignedChar[]; received: AlignedChar[] } {
  const length = Math.max(expected.length, received.length);
  const left: AlignedChar[] = [];
  const right: AlignedChar[] = [];
  for (let i = 0; i < length; i += 1) {
    const a = expected[i];
    const b = received[i];
    const differs = a !== b;
    left.push({ char: a ?? '·', differs });
    right.push({ char: b ?? '·', differs });
  }
  return { expected: left, received: right };
}
