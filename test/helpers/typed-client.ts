import { ApiRequestError } from '../../src/shared/contract/errors';
import type { TestEngine } from './engine';

/** The error a typed-client call was refused with (null when it succeeded), for checks of status and message. */
export async function refusal(call: Promise<unknown>): Promise<ApiRequestError | null> {
  try {
    await call;
    return null;
  } catch (error) {
    if (error instanceof ApiRequestError) return error;
    throw error;
  }
}

/** The newest capture's id (a test that just sent one). */
export async function latestCaptureId(t: TestEngine): Promise<number> {
  const [capture] = (await t.api<{ data: Array<{ id: number }> }>('GET', '/requests?limit=1')).body.data;
  if (!capture) throw new Error('The capture was not stored.');
  return capture.id;
}
