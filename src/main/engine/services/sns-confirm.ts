import type { SnsConfirmResult } from '../../../shared/api';
import { snsConfirmationOf } from '../../../shared/sns';
import type { EngineContext } from '../context';
import { ApiError, invalid, notFound } from '../control/errors';

/**
 * SNS's own endpoints: `https://sns.<region>.amazonaws.com/?Action=ConfirmSubscription&...`, the
 * region spelled as AWS spells them (us-east-1, us-gov-west-1, cn-north-1 under .com.cn), so an S3
 * bucket's virtual host (`sns.s3.amazonaws.com`) is not one.
 */
const SNS_HOST = /^sns\.[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}\.amazonaws\.com(?:\.cn)?$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_ANSWER_BYTES = 64 * 1024;
const TIMEOUT_MS = 10_000;

/**
 * Local SubscribeURLs (a fake SNS in tests) are visited only when HOOKSCOPE_SNS_ALLOW_LOCAL=1:
 * otherwise a forged confirmation could make the engine call any service on the user's machine.
 */
const allowLocal = () => process.env.HOOKSCOPE_SNS_ALLOW_LOCAL === '1';

/**
 * Throws, saying what is wrong, unless `text` is a URL Hookscope may visit to confirm the
 * subscription to `topicArn`: the message is unsigned as far as Hookscope checks, so the URL must
 * at least confirm the topic the detail view shows, and do nothing else.
 */
export function checkSubscribeUrl(text: string, topicArn: string | null): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`The SubscribeURL ${JSON.stringify(text)} is not a URL; this is not a genuine SNS confirmation.`);
  }
  const sns = url.protocol === 'https:' && SNS_HOST.test(url.hostname) && url.port === '';
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname) && allowLocal();
  if (!sns && !local)
    throw invalid(
      `Hookscope visits only https://sns.<region>.amazonaws.com SubscribeURLs; ${url.origin} is not one. Visit it yourself if you trust it.`,
    );
  if (url.searchParams.get('Action') !== 'ConfirmSubscription') {
    throw invalid(
      `The SubscribeURL's Action is ${JSON.stringify(url.searchParams.get('Action'))}, not "ConfirmSubscription": this is not a genuine SNS confirmation.`,
    );
  }
  if (topicArn !== null && url.searchParams.get('TopicArn') !== topicArn) {
    throw invalid(
      `The SubscribeURL confirms ${JSON.stringify(url.searchParams.get('TopicArn'))}, not the message's topic ${topicArn}: this is not a genuine SNS confirmation.`,
    );
  }
  return url;
}

/** The SubscriptionArn of AWS's ConfirmSubscriptionResponse (XML), if any. */
const arnOf = (xml: string): string | null => /<SubscriptionArn>([^<]+)<\/SubscriptionArn>/.exec(xml)?.[1] ?? null;

/** Visits the SubscribeURL of capture `id` (a SubscriptionConfirmation) and reports AWS's answer. */
export async function confirmSnsSubscription(ctx: EngineContext, id: number): Promise<SnsConfirmResult> {
  const capture = ctx.requests.load(id);
  if (!capture) throw notFound('request', id);
  const confirmation = snsConfirmationOf(capture.headers, () => capture.body.toString('utf8'));
  if (!confirmation) {
    throw invalid(
      `Request ${id} is not an SNS SubscriptionConfirmation (x-amz-sns-message-type: SubscriptionConfirmation with a SubscribeURL in its JSON body).`,
    );
  }
  const url = checkSubscribeUrl(confirmation.subscribeUrl, confirmation.topicArn);
  let response: Response;
  try {
    // No redirects: the URL checked is the URL visited.
    response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : String(error instanceof Error ? (error.cause ?? error.message) : error);
    throw new ApiError(
      502,
      'sns_unreachable',
      `Could not reach ${url.origin}: ${reason}. Check the network and try again; the SubscribeURL stays valid for three days.`,
    );
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  const body = bytes.subarray(0, MAX_ANSWER_BYTES).toString('utf8');
  return { subscribe_url: url.href, status: response.status, body, subscription_arn: response.ok ? arnOf(body) : null };
}
