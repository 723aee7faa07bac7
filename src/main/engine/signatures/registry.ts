import type { SignatureScheme } from './types';
import { dcisionaiScheme } from './dcisionai';

const schemes = new Map<string, SignatureScheme>([[dcisionaiScheme.id, dcisionaiScheme]]);

export function getScheme(id: string): SignatureScheme | undefined {
  return schemes.get(id);
}

export function listSchemes(): SignatureScheme[] {
  return [...schemes.values()];
}
