import { bodyField, firstOf, headerValue } from '../event-sources';
import { defineTokenScheme } from '../token-scheme';

/**
 * GitLab (https://docs.gitlab.com/user/project/integrations/webhooks/#create-a-webhook, "Secret
 * token"): no signature; `X-Gitlab-Token` carries the webhook's secret token as configured, to be
 * compared for equality. `X-Gitlab-Event` names the event (`Push Hook`), else the body's
 * `object_kind`. `Idempotency-Key` stays the same across retries of one event (GitLab 17.4+,
 * gitlab-org/gitlab!160952).
 */
export const gitlabScheme = defineTokenScheme({
  id: 'gitlab',
  label: 'GitLab (X-Gitlab-Token)',
  category: 'Developer tools',
  docsUrl: 'https://docs.gitlab.com/user/project/integrations/webhooks/',
  tokenHeader: 'X-Gitlab-Token',
  eventType: firstOf(headerValue('X-Gitlab-Event'), bodyField('object_kind')),
  deliveryIdHeader: 'Idempotency-Key',
});
