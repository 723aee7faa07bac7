import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { RequestPage, RequestSummary } from '../../../src/shared/api';
import { summary } from '../../helpers/summary';
import { ApiRequestError } from '../../../src/renderer/src/api/errors';
import { controlApi } from '../../../src/renderer/src/api/control-api';
import { createCapturesSlice } from '../../../src/renderer/src/store/captures-slice';
import type { StoreState } from '../../../src/renderer/src/store/types';

vi.mock('../../../src/renderer/src/api/control-api', () => ({ controlApi: { listRequests: vi.fn() } }));
// The URL is the browser's; here it is enough to know what the slice would write.
vi.mock('../../../src/renderer/src/lib/query-url', () => ({ showQueryInUrl: vi.fn() }));

const listRequests = vi.mocked(controlApi.listRequests);

const row = summary;

function page(ids: number[], counts: { matching: number; total: number }, nextBefore: number | null = null): RequestPage {
  return { data: ids.map((id) => row(id)), next_before: nextBefore, ...counts };
}

/** The captures slice with the few neighbours it calls stubbed. */
function makeStore() {
  const notifyError = vi.fn();
  const selectCapture = vi.fn();
  const store = create<StoreState>()(
    (...args) => ({ ...createCapturesSlice(...args), selectedId: null, notifyError, selectCapture }) as unknown as StoreState,
  );
  return { store, notifyError, selectCapture };
}

const ids = (rows: RequestSummary[]) => rows.map((r) => r.id);

describe('the capture list without a query', () => {
  beforeEach(() => listRequests.mockReset());

  it('counts the whole history: live captures add, a re-pushed summary does not, a delete reported twice counts once', async () => {
    const { store } = makeStore();
    listRequests.mockResolvedValueOnce(page([3, 2, 1], { matching: 3, total: 3 }));
    await store.getState().loadFirstPage();
    expect(listRequests).toHaveBeenCalledWith(100, null, '');
    expect(store.getState().total).toBe(3);

    store.getState().applyLiveCaptures([row(4), row(5)]);
    expect(ids(store.getState().captures)).toEqual([5, 4, 3, 2, 1]);
    expect(store.getState().total).toBe(5);

    // The indexer's diagnosis for capture 4 arrives as a `captures-updated` event.
    store
      .getState()
      .updateCapturesLocally([
        row(4, { verification: { verdict: 'invalid', reason: 'signature_mismatch', scheme: 'dcisionai', diagnosis: 'body_reserialized' } }),
      ]);
    expect(store.getState().total).toBe(5);
    expect(store.getState().captures[1]!.verification.diagnosis).toBe('body_reserialized');

    store.getState().removeCapturesLocally([2]);
    store.getState().removeCapturesLocally([2]);
    expect(store.getState().total).toBe(4);
    expect(store.getState().matching).toBe(4);
  });

  it('keeps live captures that arrive while the first page is in flight, and counts them once', async () => {
    const { store } = makeStore();
    let answer: (value: RequestPage) => void = () => {};
    listRequests.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const loading = store.getState().loadFirstPage();
    store.getState().applyLiveCaptures([row(3), row(4)]); // 3 is in the page's snapshot, 4 is not
    answer(page([3, 2, 1], { matching: 3, total: 3 }));
    await loading;
    expect(ids(store.getState().captures)).toEqual([4, 3, 2, 1]);
    expect(store.getState().total).toBe(4);
  });

  it('updates a re-pushed summary in place but never inserts one the list did not load', async () => {
    const { store } = makeStore();
    listRequests.mockResolvedValueOnce(page([10, 9], { matching: 10, total: 10 }, 9));
    await store.getState().loadFirstPage();
    // Capture 3 (not loaded: older than the first page) is diagnosed in the background.
    store
      .getState()
      .updateCapturesLocally([
        row(3, { verification: { verdict: 'invalid', reason: 'signature_mismatch', scheme: 'dcisionai', diagnosis: 'body_reserialized' } }),
      ]);
    expect(ids(store.getState().captures)).toEqual([10, 9]);
    expect(store.getState().total).toBe(10);
    expect(store.getState().nextBefore).toBe(9);
  });

  it('counts and lists a capture announced after a newer one (an import is announced before a received capture)', async () => {
    const { store } = makeStore();
    listRequests.mockResolvedValueOnce(page([], { matching: 0, total: 0 }));
    await store.getState().loadFirstPage();
    store.getState().applyLiveCaptures([row(2)]);
    store.getState().applyLiveCaptures([row(1)]);
    expect(ids(store.getState().captures)).toEqual([2, 1]);
    expect(store.getState().total).toBe(2);
  });

  it('counts pruned captures that were never loaded', async () => {
    const { store } = makeStore();
    listRequests.mockResolvedValueOnce(page([10, 9], { matching: 10, total: 10 }, 9));
    await store.getState().loadFirstPage();
    store.getState().removeCapturesLocally([1, 2, 3]);
    expect(store.getState().total).toBe(7);
    expect(ids(store.getState().captures)).toEqual([10, 9]);
  });
});

describe('the capture list with a query', () => {
  beforeEach(() => {
    listRequests.mockReset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('shows the matches and both counts, and re-reads the filtered head for live captures at most once a second', async () => {
    const { store } = makeStore();
    listRequests.mockResolvedValueOnce(page([3, 2, 1], { matching: 3, total: 3 }));
    await store.getState().loadFirstPage();
    listRequests.mockResolvedValueOnce(page([2], { matching: 1, total: 3 }));
    await store.getState().applyQuery(' verdict:invalid ');
    expect(listRequests).toHaveBeenLastCalledWith(100, null, 'verdict:invalid');
    expect(store.getState()).toMatchObject({ query: 'verdict:invalid', matching: 1, total: 3, queryError: null });
    expect(ids(store.getState().captures)).toEqual([2]);

    // A new capture is not inserted blindly: the engine says whether it matches.
    listRequests.mockResolvedValue(page([4, 2], { matching: 2, total: 4 }));
    store.getState().applyLiveCaptures([row(4)]);
    expect(ids(store.getState().captures)).toEqual([2]);
    expect(store.getState().total).toBe(4);
    await vi.advanceTimersByTimeAsync(0);
    expect(listRequests).toHaveBeenCalledTimes(3);
    expect(listRequests).toHaveBeenLastCalledWith(100, null, 'verdict:invalid');
    expect(ids(store.getState().captures)).toEqual([4, 2]);
    expect(store.getState()).toMatchObject({ matching: 2, total: 4 });

    // A burst within the second costs one more request, at its end.
    listRequests.mockResolvedValue(page([6, 4, 2], { matching: 3, total: 6 }));
    store.getState().applyLiveCaptures([row(5)]);
    store.getState().applyLiveCaptures([row(6)]);
    await vi.advanceTimersByTimeAsync(500);
    expect(listRequests).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(500);
    expect(listRequests).toHaveBeenCalledTimes(4);
    expect(ids(store.getState().captures)).toEqual([6, 4, 2]);
    expect(store.getState()).toMatchObject({ matching: 3, total: 6 });
  });

  it("keeps the list and the query when the engine refuses a query, and shows the engine's message", async () => {
    const { store } = makeStore();
    listRequests.mockResolvedValueOnce(page([2], { matching: 1, total: 3 }));
    await store.getState().applyQuery('verdict:invalid');
    const message = 'verdict: expected valid, invalid or unverifiable, got "banana"';
    listRequests.mockRejectedValueOnce(new ApiRequestError(400, 'invalid_query', message));
    await store.getState().applyQuery('verdict:banana');
    expect(store.getState()).toMatchObject({ query: 'verdict:invalid', queryError: message, matching: 1 });
    expect(ids(store.getState().captures)).toEqual([2]);
    // Going back to the shown query clears the message without asking again.
    await store.getState().applyQuery('verdict:invalid');
    expect(store.getState().queryError).toBeNull();
    expect(listRequests).toHaveBeenCalledTimes(2);
  });

  it('drops the answer to a query that a newer one overtook', async () => {
    const { store } = makeStore();
    let slow: (value: RequestPage) => void = () => {};
    listRequests.mockReturnValueOnce(new Promise((resolve) => (slow = resolve)));
    const first = store.getState().applyQuery('event:a');
    listRequests.mockResolvedValueOnce(page([7], { matching: 1, total: 9 }));
    await store.getState().applyQuery('event:b');
    slow(page([8], { matching: 1, total: 9 }));
    await first;
    expect(store.getState().query).toBe('event:b');
    expect(ids(store.getState().captures)).toEqual([7]);
  });

  it('a bad query from the URL says why and shows every capture instead', async () => {
    const { store } = makeStore();
    store.setState({ query: 'nokey:x' });
    listRequests.mockRejectedValueOnce(new ApiRequestError(400, 'invalid_query', 'unknown qualifier "nokey"'));
    listRequests.mockResolvedValueOnce(page([1], { matching: 1, total: 1 }));
    await store.getState().loadFirstPage();
    expect(listRequests).toHaveBeenLastCalledWith(100, null, '');
    expect(store.getState()).toMatchObject({ query: '', queryError: 'unknown qualifier "nokey"', total: 1, listStatus: 'loaded' });
  });
});
