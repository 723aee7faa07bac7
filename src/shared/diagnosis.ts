/**
 * The diagnosis that names why a capture failed, for its pill in the list and in the detail:
 * the first code that says more than the verification reason itself (a diagnosis may restate it,
 * e.g. `signature_mismatch` before explaining the mismatch). One rule for both sides, so a capture
 * never reads "re-serialized" in the list and "bad signature" in its detail.
 */
export function primaryDiagnosis(codes: readonly string[], reason: string): string | null {
  return codes.find((code) => code !== reason) ?? null;
}
