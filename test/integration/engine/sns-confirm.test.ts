import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestSummary, SnsConfirmResult } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

/** A fake SNS on a real socket: answers ConfirmSubscription as AWS does and counts the visits. */
let t: TestEngine;
let fake: Server;
let fakeUrl: string;
const visits: string[] = [];
const ARN = 'arn:aws:sns:us-east-1:123456789012:MyTopic:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55';

beforeAll(async () => {
  t = await startTestEngine();
  fake = createServer((req, res) => {
    visits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(
      `<ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ConfirmSubscriptionResult><SubscriptionArn>${ARN}</SubscriptionArn></ConfirmSubscriptionResult></ConfirmSubscriptionResponse>`,
    );
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.HOOKSCOPE_SNS_ALLOW_LOCAL;
  fake.close();
  await t.stop();
});

/** Sends a SubscriptionConfirmation as SNS does (text/plain JSON) and returns its capture id. */
async function confirmation(subscribeUrl: string): Promise<number> {
  const body = JSON.stringify({
    Type: 'SubscriptionConfirmation',
    MessageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b',
    Token:
      '2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736',
    TopicArn: 'arn:aws:sns:us-east-1:123456789012:MyTopic',
    Message: 'You have chosen to subscribe to the topic arn:aws:sns:us-east-1:123456789012:MyTopic.',
    SubscribeURL: subscribeUrl,
    Timestamp: '2012-04-26T20:45:04.751Z',
  });
  await t.send('/sns', {
    headers: { 'x-amz-sns-message-type': 'SubscriptionConfirmation', 'content-type': 'text/plain; charset=UTF-8' },
    body,
  });
  const list = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
  return (list.body.data[0] as RequestSummary).id;
}

describe('AWS SNS subscription confirmation', () => {
  it('visits the SubscribeURL only when asked, and reports the SubscriptionArn', async () => {
    process.env.HOOKSCOPE_SNS_ALLOW_LOCAL = '1';
    const id = await confirmation(`${fakeUrl}/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-1:123456789012:MyTopic&Token=2336`);
    // Received and stored, but nothing visited yet.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(visits).toEqual([]);
    const result = await t.api<{ data: SnsConfirmResult }>('POST', `/requests/${id}/sns-confirm`);
    expect(result.status).toBe(200);
    expect(result.body.data).toMatchObject({ status: 200, subscription_arn: ARN });
    expect(visits).toEqual(['/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-1:123456789012:MyTopic&Token=2336']);
  });

  it('refuses URLs that are not SNS, and local ones unless the test flag allows them', async () => {
    process.env.HOOKSCOPE_SNS_ALLOW_LOCAL = '1';
    const topic = 'TopicArn=arn:aws:sns:us-east-1:123456789012:MyTopic';
    for (const url of [
      'https://evil.example.com/?Action=ConfirmSubscription',
      'http://sns.us-east-1.amazonaws.com/',
      'https://sns.us-east-1.amazonaws.com.evil.net/',
      'not a url',
      // An S3 bucket named "sns" is not SNS.
      `https://sns.s3.amazonaws.com/?Action=ConfirmSubscription&${topic}`,
      // Another action, or another topic than the message shows, is not this confirmation.
      `${fakeUrl}/?Action=Unsubscribe&${topic}`,
      `${fakeUrl}/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-1:123456789012:OtherTopic`,
    ]) {
      const id = await confirmation(url);
      const refused = await t.api<{ error: { message: string } }>('POST', `/requests/${id}/sns-confirm`);
      expect(refused.status, url).toBe(400);
    }
    delete process.env.HOOKSCOPE_SNS_ALLOW_LOCAL;
    const id = await confirmation(`${fakeUrl}/?Action=ConfirmSubscription&${topic}`);
    const refused = await t.api<{ error: { message: string } }>('POST', `/requests/${id}/sns-confirm`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/sns\.<region>\.amazonaws\.com/);
    expect(visits).toHaveLength(1);
  });

  it('a capture that is no confirmation is refused, naming what was expected', async () => {
    await t.send('/sns', {
      headers: { 'x-amz-sns-message-type': 'Notification' },
      body: '{"SubscribeURL":"https://sns.us-east-1.amazonaws.com/"}',
    });
    const list = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
    const refused = await t.api<{ error: { message: string } }>('POST', `/requests/${list.body.data[0]?.id}/sns-confirm`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/not an SNS SubscriptionConfirmation/);
    expect((await t.api('POST', '/requests/999999/sns-confirm')).status).toBe(404);
  });
});
