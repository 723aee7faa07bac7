/**
 * What a verification snippet must do for a scheme, in data: the generators (one per language)
 * turn a recipe into code, so the four languages cannot drift apart and the tests that execute
 * the snippets cover every scheme's recipe with the same cases. Recipes are derived from the
 * scheme definitions (hmac-scheme.ts), never written by hand.
 */

import type { SchemeId } from '../../../shared/scheme-ids';
import type { SignatureLayout } from '../signatures/formats';

export type PrefixPart = { literal: string } | 'id' | 'timestamp';

export interface SnippetRecipe {
  schemeId: SchemeId;
  label: string;
  signatureHeader: string;
  /** How the signature header is laid out. */
  signature: SignatureLayout;
  /** Header carrying the timestamp; null when it is inside the signature header (keyed) or absent. */
  timestampHeader: string | null;
  idHeader: string | null;
  /** The signed content is these parts followed by the raw body bytes. */
  prefix: PrefixPart[];
  algorithm: 'sha256' | 'sha1';
  encoding: 'hex' | 'base64';
  /** `whsec`: base64-decode the secret after its `whsec_` prefix. */
  key: 'text' | 'whsec';
  tolerance: { seconds: number; direction: 'both' | 'past-only' } | null;
}

export const usesTimestamp = (recipe: SnippetRecipe) => recipe.tolerance !== null;
