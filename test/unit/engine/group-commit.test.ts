import { describe, expect, it } from 'vitest';
import { GroupCommitter } from '../../../src/main/engine/store/group-commit';

describe('GroupCommitter', () => {
  it('writes everything enqueued in one event-loop turn as one batch, after the turn', async () => {
    const batches: number[][] = [];
    let next = 100;
    const committer = new GroupCommitter<number, number>((items) => {
      batches.push(items);
      return items.map(() => next++);
    });
    const first = [committer.enqueue(1), committer.enqueue(2), committer.enqueue(3)];
    expect(batches).toEqual([]); // nothing is written synchronously
    expect(await Promise.all(first)).toEqual([100, 101, 102]);
    expect(await committer.enqueue(4)).toBe(103);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('settles callers only after the batch commits, and rejects all of a failed batch', async () => {
    const committer = new GroupCommitter<string, string>((items) => {
      if (items.includes('bad')) throw new Error('disk full');
      return items;
    });
    const results = await Promise.allSettled([committer.enqueue('ok'), committer.enqueue('bad')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(committer.enqueue('later')).resolves.toBe('later');
  });

  it('calls afterCommit with the items and their results', async () => {
    const seen: Array<[string[], number[]]> = [];
    const committer = new GroupCommitter<string, number>(
      (items) => items.map((i) => i.length),
      (items, results) => seen.push([items, results]),
    );
    await Promise.all([committer.enqueue('a'), committer.enqueue('bbb')]);
    expect(seen).toEqual([
      [
        ['a', 'bbb'],
        [1, 3],
      ],
    ]);
  });
});
