/** What went wrong with an outgoing request (send, replay, resend, forward): a result, not an error answer. */
import { Nullable, StringEnum, Type, type Static } from './schema';

export const OutboundErrorCode = StringEnum(['invalid_url', 'dns', 'connection_refused', 'timeout', 'tls', 'connection_reset', 'network']);
export type OutboundErrorCode = Static<typeof OutboundErrorCode>;

export const OutboundError = Type.Object({ code: OutboundErrorCode, message: Type.String() });
export type OutboundError = Static<typeof OutboundError>;

/** What happened to a forwarded capture. */
export const ForwardOutcome = Type.Object({
  url: Type.String({ description: 'The full URL the capture was forwarded to.' }),
  status: Nullable(Type.Integer(), { description: "The target's status; null when it could not be reached." }),
  error: Nullable(OutboundError),
  duration_ms: Type.Number(),
});
export type ForwardOutcome = Static<typeof ForwardOutcome>;
