/**
 * AWS SNS subscription confirmations (https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.prepare.html):
 * SNS POSTs a JSON message with `x-amz-sns-message-type: SubscriptionConfirmation` and a
 * `SubscribeURL`; the subscription starts only once that URL is visited. Hookscope visits it only
 * when the user clicks Confirm (POST /api/requests/:id/sns-confirm). Shared: the engine checks
 * the capture with it, the detail view decides whether to offer the button.
 */
import type { HeaderPairs } from './http-headers';
export interface SnsConfirmation {
  subscribeUrl: string;
  topicArn: string | null;
}

/** `body` is read only when the message type header says it is a confirmation. */
export function snsConfirmationOf(headers: HeaderPairs, body: () => string): SnsConfirmation | null {
  const type = headers.find(([name]) => name.toLowerCase() === 'x-amz-sns-message-type')?.[1].trim();
  if (type !== 'SubscriptionConfirmation') return null;
  try {
    const message = JSON.parse(body()) as { SubscribeURL?: unknown; TopicArn?: unknown };
    if (typeof message.SubscribeURL !== 'string') return null;
    return { subscribeUrl: message.SubscribeURL, topicArn: typeof message.TopicArn === 'string' ? message.TopicArn : null };
  } catch {
    return null;
  }
}
