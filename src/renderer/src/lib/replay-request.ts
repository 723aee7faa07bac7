import type { ReplayInput, ReplayMode } from '../../../shared/api';

export type ReplayTarget = 'own' | 'url';

export interface ReplayDraft {
  mode: ReplayMode;
  target: ReplayTarget;
  url: string;
  /** '' signs with the endpoint's scheme. */
  scheme: string;
  /** '' signs with the endpoint's secret. */
  secret: string;
  /** The edited body (mode "edited"). */
  body: string;
}

export const REPLAY_MODES: Array<{ mode: ReplayMode; label: string; hint: string }> = [
  {
    mode: 'as-is',
    label: 'As-is',
    hint: 'The original bytes and headers, old signature and timestamp included: tests a receiver’s replay protection.',
  },
  { mode: 'resign', label: 'Re-signed', hint: 'The original bytes with a fresh timestamp and signature.' },
  { mode: 'edited', label: 'Edited', hint: 'Edit the body below; it is signed afresh and sent exactly as written.' },
];

/**
 * POST /api/requests/:id/replay's body. `encode` turns the edited text into base64 (UTF-8);
 * passed in so this stays a pure function.
 */
export function buildReplayInput(
  draft: ReplayDraft,
  encode: (text: string) => string,
): { input: ReplayInput; error: null } | { input: null; error: string } {
  const input: ReplayInput = { mode: draft.mode };
  if (draft.target === 'url') {
    const url = draft.url.trim();
    if (!/^https?:\/\/\S+$/i.test(url)) return { input: null, error: 'Enter an http:// or https:// URL to replay to.' };
    input.url = url;
  }
  if (draft.mode !== 'as-is') {
    if (draft.scheme !== '') input.scheme = draft.scheme;
    if (draft.secret !== '') input.secret = draft.secret;
  }
  if (draft.mode === 'edited') input.body_base64 = encode(draft.body);
  return { input, error: null };
}
