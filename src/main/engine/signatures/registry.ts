import { SCHEME_IDS, type SchemeId } from '../../../shared/scheme-ids';
import type { SignatureScheme } from './types';
import { dcisionaiScheme } from './schemes/dcisionai';
import { standardWebhooksScheme, svixScheme } from './schemes/standard-webhooks';
import { stripeScheme } from './schemes/stripe';
import { githubScheme } from './schemes/github';
import { slackScheme } from './schemes/slack';
import { shopifyScheme } from './schemes/shopify';
import { twilioScheme } from './schemes/twilio';
import { paddleScheme } from './schemes/paddle';
import { linearScheme } from './schemes/linear';
import { twitchScheme } from './schemes/twitch';
import { squareScheme } from './schemes/square';
import { hubspotScheme } from './schemes/hubspot';
import { gitlabScheme } from './schemes/gitlab';
import { intercomScheme } from './schemes/intercom';
import { mailgunScheme } from './schemes/mailgun';
import { typeformScheme } from './schemes/typeform';
import { woocommerceScheme } from './schemes/woocommerce';
import { zendeskScheme } from './schemes/zendesk';
import { calendlyScheme } from './schemes/calendly';
import { muxScheme } from './schemes/mux';
import { sentryScheme } from './schemes/sentry';
import { vercelScheme } from './schemes/vercel';
import { bitbucketScheme } from './schemes/bitbucket';
import { pagerdutyScheme } from './schemes/pagerduty';
import { herokuScheme } from './schemes/heroku';
import { terraformScheme } from './schemes/terraform';
import { xeroScheme } from './schemes/xero';
import { webexScheme } from './schemes/webex';
import { buildkiteScheme } from './schemes/buildkite';
import { frameioScheme } from './schemes/frameio';
import { workosScheme } from './schemes/workos';
import { pusherScheme } from './schemes/pusher';
import { coinbaseScheme } from './schemes/coinbase';
import { aftershipScheme } from './schemes/aftership';
import { chargifyScheme } from './schemes/chargify';

/**
 * The built-in schemes, one line each. The type makes the keys exactly `SchemeId` (a missing or
 * extra id fails to compile) and each value a scheme of that id. `custom` is built per request
 * from its config (schemes/custom.ts).
 */
const SCHEMES: { readonly [Id in SchemeId]: SignatureScheme<Id> } = {
  dcisionai: dcisionaiScheme,
  'standard-webhooks': standardWebhooksScheme,
  svix: svixScheme,
  stripe: stripeScheme,
  github: githubScheme,
  slack: slackScheme,
  shopify: shopifyScheme,
  twilio: twilioScheme,
  paddle: paddleScheme,
  linear: linearScheme,
  twitch: twitchScheme,
  square: squareScheme,
  hubspot: hubspotScheme,
  gitlab: gitlabScheme,
  intercom: intercomScheme,
  mailgun: mailgunScheme,
  typeform: typeformScheme,
  woocommerce: woocommerceScheme,
  zendesk: zendeskScheme,
  calendly: calendlyScheme,
  mux: muxScheme,
  sentry: sentryScheme,
  vercel: vercelScheme,
  bitbucket: bitbucketScheme,
  pagerduty: pagerdutyScheme,
  heroku: herokuScheme,
  terraform: terraformScheme,
  xero: xeroScheme,
  webex: webexScheme,
  buildkite: buildkiteScheme,
  frameio: frameioScheme,
  workos: workosScheme,
  pusher: pusherScheme,
  coinbase: coinbaseScheme,
  aftership: aftershipScheme,
  chargify: chargifyScheme,
};

/** In SCHEME_IDS order, the default (DcisionAI) first. */
const ORDERED: readonly SignatureScheme<SchemeId>[] = SCHEME_IDS.map((id) => SCHEMES[id] as SignatureScheme<SchemeId>);

export function getScheme(id: string): SignatureScheme<SchemeId> | undefined {
  return Object.hasOwn(SCHEMES, id) ? (SCHEMES[id as SchemeId] as SignatureScheme<SchemeId>) : undefined;
}

export function listSchemes(): readonly SignatureScheme<SchemeId>[] {
  return ORDERED;
}
