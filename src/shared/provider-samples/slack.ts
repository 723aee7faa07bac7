/** Slack: Events API callbacks and the Request URL check. */
import type { HeaderPairs } from '../http-headers';
import { json, type ProviderSample } from './sample';

const SLACK_HEADERS: HeaderPairs = [['User-Agent', 'Slackbot 1.0 (+https://api.slack.com/robots)']];

export const SLACK_SAMPLES: readonly ProviderSample[] = [
  {
    provider: 'slack',
    label: 'Slack',
    scheme: 'slack',
    event: 'app_mention',
    description: 'An Events API callback: the app was mentioned.',
    method: 'POST',
    contentType: 'application/json',
    headers: SLACK_HEADERS,
    body: json({
      token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
      team_id: 'T061EG9R6',
      api_app_id: 'A0PNCHHK2',
      type: 'event_callback',
      event_id: 'Ev0PV52K25',
      event_time: 1717171717,
      event: {
        type: 'app_mention',
        user: 'U061F7AUR',
        text: '<@U0LAN0Z89> is the webhook verified?',
        ts: '1717171717.000200',
        channel: 'C0LAE2HKL',
        event_ts: '1717171717.000200',
      },
      authorizations: [{ team_id: 'T061EG9R6', user_id: 'U0LAN0Z89', is_bot: true }],
    }),
  },
  {
    provider: 'slack',
    label: 'Slack',
    scheme: 'slack',
    event: 'url_verification',
    description: 'Slack checks the Request URL when it is saved.',
    method: 'POST',
    contentType: 'application/json',
    headers: SLACK_HEADERS,
    body: json({
      token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    }),
  },
];
