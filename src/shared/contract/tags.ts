/** The groups of the control API, in the order the OpenAPI document and README's route tables list them. */
export const API_TAGS = [
  { name: 'engine', description: 'The engine itself' },
  { name: 'endpoints', description: 'Endpoints: paths, schemes, secrets, responses' },
  { name: 'history', description: 'Captures: the history, its bodies, retention and the live stream' },
  { name: 'signatures', description: 'Signatures: schemes, the Signature Lab, snippets' },
  { name: 'outbound', description: 'Compose, send, replay, export and import' },
  { name: 'tunnels', description: 'Tunnels: the public URL senders call' },
  { name: 'platform', description: "The platform simulator (the guide's `/webhooks` API)" },
  { name: 'meta', description: 'This API described' },
] as const;

export type ApiTag = (typeof API_TAGS)[number]['name'];
