/** Twilio: an incoming SMS, a form post whose signature covers the URL. */
import type { ProviderSample } from './sample';

export const TWILIO_SAMPLES: readonly ProviderSample[] = [
  {
    provider: 'twilio',
    label: 'Twilio',
    scheme: 'twilio',
    event: 'incoming-sms',
    description: 'An SMS arrived at a Twilio number (a form post; the signature covers the URL).',
    method: 'POST',
    contentType: 'application/x-www-form-urlencoded',
    deliveryIdHeader: 'I-Twilio-Idempotency-Token',
    headers: [
      ['User-Agent', 'TwilioProxy/1.1'],
      ['I-Twilio-Idempotency-Token', 'f4b1c7a2-9e3d-4c8b-a5f6-2d7e8b9c0a1f'],
    ],
    body: new URLSearchParams({
      ToCountry: 'US',
      ToState: 'CA',
      SmsMessageSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
      NumMedia: '0',
      ToCity: 'SAN FRANCISCO',
      FromZip: '94105',
      SmsSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
      FromState: 'CA',
      SmsStatus: 'received',
      FromCity: 'SAN FRANCISCO',
      Body: 'Is my webhook up?',
      FromCountry: 'US',
      To: '+15017122661',
      ToZip: '94105',
      NumSegments: '1',
      MessageSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
      AccountSid: 'ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      From: '+15558675310',
      ApiVersion: '2010-04-01',
    }).toString(),
  },
];
