import { describe, expect, it } from 'vitest';
import { suggestedPath, toleranceHint } from '../../../src/renderer/src/lib/tolerance-hint';

describe('tolerance hint', () => {
  it('says both directions only for schemes that reject future timestamps', () => {
    expect(toleranceHint({ uses_timestamp: true, tolerance_direction: 'both' })).toMatch(/both directions/);
    const pastOnly = toleranceHint({ uses_timestamp: true, tolerance_direction: 'past_only' });
    expect(pastOnly).toMatch(/older requests fail/);
    expect(pastOnly).not.toMatch(/both directions/);
  });

  it('is null when the scheme signs no timestamp', () => {
    expect(toleranceHint({ uses_timestamp: false, tolerance_direction: null })).toBeNull();
  });

  it('stays generic when the engine did not describe the scheme', () => {
    expect(toleranceHint({})).toBe('Allowed timestamp age.');
  });

  it('suggests a path from the scheme id', () => {
    expect(suggestedPath('stripe')).toBe('/webhooks/stripe');
    expect(suggestedPath('standard-webhooks')).toBe('/webhooks/standard-webhooks');
  });
});
