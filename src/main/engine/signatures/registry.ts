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
import { zoomScheme } from './schemes/zoom';
import { metaScheme } from './schemes/meta';
import { xScheme } from './schemes/x';
import { dropboxScheme } from './schemes/dropbox';
import { asanaScheme } from './schemes/asana';
import { discordScheme } from './schemes/discord';
import { sendgridScheme } from './schemes/sendgrid';
import { lemonsqueezyScheme } from './schemes/lemonsqueezy';
import { circleciScheme } from './schemes/circleci';
import { docusignScheme } from './schemes/docusign';
import { hookdeckScheme } from './schemes/hookdeck';
import { launchdarklyScheme } from './schemes/launchdarkly';
import { clickupScheme } from './schemes/clickup';
import { notionScheme } from './schemes/notion';
import { trelloScheme } from './schemes/trello';
import { segmentScheme } from './schemes/segment';
import { brexScheme, clerkScheme, openaiScheme, replicateScheme, resendScheme } from './schemes/standard-providers';
import { boxScheme } from './schemes/box';
import { airtableScheme } from './schemes/airtable';
import { pusherScheme } from './schemes/pusher';
import { microsoftTeamsScheme } from './schemes/microsoft-teams';
import { tiktokScheme } from './schemes/tiktok';
import { coinbaseCommerceScheme } from './schemes/coinbase-commerce';
import { sonatypeNexusScheme } from './schemes/sonatype-nexus';
import { aftershipScheme } from './schemes/aftership';
import { worldlineScheme } from './schemes/worldline';
import { castleScheme } from './schemes/castle';
import { autodeskScheme } from './schemes/autodesk';
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
  zoom: zoomScheme,
  meta: metaScheme,
  x: xScheme,
  dropbox: dropboxScheme,
  asana: asanaScheme,
  discord: discordScheme,
  sendgrid: sendgridScheme,
  lemonsqueezy: lemonsqueezyScheme,
  circleci: circleciScheme,
  docusign: docusignScheme,
  hookdeck: hookdeckScheme,
  launchdarkly: launchdarklyScheme,
  clickup: clickupScheme,
  notion: notionScheme,
  trello: trelloScheme,
  segment: segmentScheme,
  clerk: clerkScheme,
  resend: resendScheme,
  replicate: replicateScheme,
  brex: brexScheme,
  openai: openaiScheme,
  box: boxScheme,
  airtable: airtableScheme,
  pusher: pusherScheme,
  'microsoft-teams': microsoftTeamsScheme,
  tiktok: tiktokScheme,
  'coinbase-commerce': coinbaseCommerceScheme,
  'sonatype-nexus': sonatypeNexusScheme,
  aftership: aftershipScheme,
  worldline: worldlineScheme,
  castle: castleScheme,
  autodesk: autodeskScheme,
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
