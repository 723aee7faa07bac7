import { invalid } from '../control/errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', '[::]']);

const portOf = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');

/**
 * A forward_to must be an absolute http(s) URL, and must not be the app's own receiver: a
 * capture forwarded to itself would be captured and forwarded again, without end.
 */
export function checkForwardTarget(value: string, receiverUrl: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(
      `forward_to must be an absolute http:// or https:// URL such as "http://localhost:3000/webhooks"; got ${JSON.stringify(value)}.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(`forward_to must use http:// or https://; got ${JSON.stringify(url.protocol)}.`);
  }
  if (url.username || url.password)
    throw invalid('forward_to must not contain credentials; add an Authorization header at the target instead.');
  if (url.hash) throw invalid('forward_to must not contain a fragment ("#...").');
  if (receiverUrl === '') return;
  const receiver = new URL(receiverUrl);
  const sameHost = url.hostname === receiver.hostname || (LOOPBACK.has(url.hostname) && LOOPBACK.has(receiver.hostname));
  if (sameHost && portOf(url) === portOf(receiver)) {
    throw invalid(
      `forward_to points at Hookscope's own receiver (${receiver.host}), which would forward every capture to itself; use your app's URL.`,
    );
  }
}
