/** Whether a scheme signs a timestamp, and which way its tolerance applies (as GET /api/schemes says). */
export interface TimestampFacts {
  /** Undefined when unknown: the hint then stays generic. */
  uses_timestamp?: boolean;
  tolerance_direction?: 'both' | 'past_only' | null;
}

/** How the endpoint form explains its tolerance field: null when the scheme signs no timestamp. */
export function toleranceHint(facts: TimestampFacts): string | null {
  if (facts.uses_timestamp === false) return null;
  if (facts.tolerance_direction === 'past_only') {
    return 'Maximum timestamp age: older requests fail; future timestamps are accepted (this scheme only checks the past).';
  }
  if (facts.tolerance_direction === 'both') {
    return 'Allowed timestamp age, in both directions (too old and too far in the future both fail).';
  }
  return 'Allowed timestamp age.';
}

/** The path a new endpoint suggests (as a placeholder, never as a value). */
export function suggestedPath(scheme: string): string {
  return `/webhooks/${scheme.replace(/[^a-z0-9_-]+/gi, '-').toLowerCase() || 'my-service'}`;
}
