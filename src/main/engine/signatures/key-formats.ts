/**
 * Key texts of the key-pair schemes and node:crypto KeyObjects, both ways. Providers show keys
 * as raw bytes (Discord: the 32-byte Ed25519 public key in hex; Standard Webhooks: `whpk_` +
 * base64) or as DER (SendGrid: base64 SubjectPublicKeyInfo); node:crypto takes DER, so raw
 * Ed25519 keys get the fixed RFC 8410 DER prefix. No crypto dependency beyond node:crypto.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';

/** A key in the wrong format: the control API answers it as a 400 naming the expected format. */
export class KeyFormatError extends Error {
  readonly statusCode = 400;
  readonly code = 'invalid_key';
}

export type KeyAlgorithm = 'ed25519' | 'ecdsa-p256';

/** How one scheme writes its keys. */
export interface KeyFormat {
  algorithm: KeyAlgorithm;
  /** e.g. "a 64-hex-character Ed25519 public key (the Discord developer portal's Public Key)". */
  publicKeyFormat: string;
  privateKeyFormat: string;
  /** The public key a text names; throws KeyFormatError saying what was expected. */
  parsePublic(text: string): KeyObject;
  parsePrivate(text: string): KeyObject;
  /** The private key a text names when it is one (given where a public key belongs), else null. */
  privateKeyIn(text: string): KeyObject | null;
  generate(): { public_key: string; private_key: string };
}

// RFC 8410: SubjectPublicKeyInfo / PKCS #8 of an Ed25519 key are these bytes + the 32 raw bytes.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const ed25519Public = (raw: Buffer) => createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
const ed25519Private = (seed: Buffer) =>
  createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
const rawPublic = (key: KeyObject) => key.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);
const rawSeed = (key: KeyObject) => key.export({ format: 'der', type: 'pkcs8' }).subarray(ED25519_PKCS8_PREFIX.length);

/**
 * An Ed25519 private key from raw bytes: the 32-byte seed (RFC 8032's private key), or the 64
 * bytes seed + public key that libsodium and tweetnacl call the secret key (its public half
 * must belong to the seed, else the text is two keys glued together).
 */
function ed25519FromSecretBytes(bytes: Buffer, format: string): KeyObject {
  if (bytes.length !== 32 && bytes.length !== 64)
    throw new KeyFormatError(`The private key must be ${format}; it decodes to ${bytes.length} bytes, not 32 or 64.`);
  const key = ed25519Private(bytes.subarray(0, 32));
  if (bytes.length === 64 && !rawPublic(createPublicKey(key)).equals(bytes.subarray(32))) {
    throw new KeyFormatError(`The private key must be ${format}; its last 32 bytes are not the public key of its first 32 (the seed).`);
  }
  return key;
}

const describe = (text: string) =>
  text.length > 24 ? `${JSON.stringify(text.slice(0, 12))}… (${text.length} characters)` : JSON.stringify(text);
const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Discord: keys as hex. The public key has 64 hex characters; the private one (never shown by
 * Discord, only for testing) the 128 of tweetnacl's secret key: a bare 64-hex seed would be
 * indistinguishable from a public key, and a public key given to sign must be named as such.
 */
export const ed25519HexKeys: KeyFormat = {
  algorithm: 'ed25519',
  publicKeyFormat: 'a 64-hex-character Ed25519 public key (the "Public Key" of the application in the Discord developer portal)',
  privateKeyFormat: 'a 128-hex-character Ed25519 secret key (seed + public key, as tweetnacl and libsodium write it)',
  parsePublic(text) {
    const trimmed = text.trim();
    if (trimmed.length === 128 && HEX.test(trimmed)) {
      const key = this.privateKeyIn(trimmed);
      const derived = key ? ` Its public key is ${rawPublic(createPublicKey(key)).toString('hex')}.` : '';
      throw new KeyFormatError(`This is a private key (128 hex characters); verifying needs ${this.publicKeyFormat}.${derived}`);
    }
    if (trimmed.length !== 64 || !HEX.test(trimmed))
      throw new KeyFormatError(`The public key must be ${this.publicKeyFormat}; got ${describe(trimmed)}.`);
    return ed25519Public(Buffer.from(trimmed, 'hex'));
  },
  parsePrivate(text) {
    const trimmed = text.trim();
    if (trimmed.length === 64 && HEX.test(trimmed))
      throw new KeyFormatError(
        `The private key must be ${this.privateKeyFormat}; got 64 hex characters, the length of a public key (signing needs the private one).`,
      );
    if (trimmed.length !== 128 || !HEX.test(trimmed))
      throw new KeyFormatError(`The private key must be ${this.privateKeyFormat}; got ${describe(trimmed)}.`);
    return ed25519FromSecretBytes(Buffer.from(trimmed, 'hex'), this.privateKeyFormat);
  },
  privateKeyIn(text) {
    const trimmed = text.trim();
    if (trimmed.length !== 128 || !HEX.test(trimmed)) return null;
    try {
      return ed25519FromSecretBytes(Buffer.from(trimmed, 'hex'), this.privateKeyFormat);
    } catch {
      return null;
    }
  },
  generate() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pub = rawPublic(publicKey);
    return { public_key: pub.toString('hex'), private_key: Buffer.concat([rawSeed(privateKey), pub]).toString('hex') };
  },
};

/** Standard Webhooks: `whpk_` + base64 of the public key, `whsk_` + base64 of the secret key. */
export const ed25519WebhookKeys: KeyFormat = {
  algorithm: 'ed25519',
  publicKeyFormat: 'whpk_ followed by the base64 of a 32-byte Ed25519 public key',
  privateKeyFormat:
    'whsk_ followed by the base64 of the Ed25519 secret key (64 bytes: seed + public key; the 32-byte seed alone is accepted too)',
  parsePublic(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith('whsk_')) {
      const key = this.privateKeyIn(trimmed);
      const derived = key ? ` Its public key is whpk_${rawPublic(createPublicKey(key)).toString('base64')}.` : '';
      throw new KeyFormatError(`This is a private key (whsk_); verifying needs ${this.publicKeyFormat}.${derived}`);
    }
    const bare = trimmed.startsWith('whpk_') ? trimmed.slice(5) : null;
    const bytes = bare !== null && BASE64.test(bare) ? Buffer.from(bare, 'base64') : null;
    if (bytes?.length !== 32) throw new KeyFormatError(`The public key must be ${this.publicKeyFormat}; got ${describe(trimmed)}.`);
    return ed25519Public(bytes);
  },
  parsePrivate(text) {
    const trimmed = text.trim();
    if (!trimmed.startsWith('whsk_') || !BASE64.test(trimmed.slice(5))) {
      const hint = trimmed.startsWith('whpk_') ? ' This is the public key (whpk_): signing needs the private one.' : '';
      throw new KeyFormatError(`The private key must be ${this.privateKeyFormat}; got ${describe(trimmed)}.${hint}`);
    }
    return ed25519FromSecretBytes(Buffer.from(trimmed.slice(5), 'base64'), this.privateKeyFormat);
  },
  privateKeyIn(text) {
    try {
      return text.trim().startsWith('whsk_') ? this.parsePrivate(text) : null;
    } catch {
      return null;
    }
  },
  generate() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pub = rawPublic(publicKey);
    return {
      public_key: `whpk_${pub.toString('base64')}`,
      private_key: `whsk_${Buffer.concat([rawSeed(privateKey), pub]).toString('base64')}`,
    };
  },
};

/** A DER key given as base64 (as SendGrid shows it) or as PEM (its base64 between the armour lines). */
function derOf(text: string): Buffer | null {
  const body = text.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  return body !== '' && BASE64.test(body) ? Buffer.from(body, 'base64') : null;
}

function tryKey<T>(make: () => T): T | null {
  try {
    return make();
  } catch {
    return null;
  }
}

const isP256 = (key: KeyObject) => key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';

/** SendGrid: the P-256 public key as base64 SubjectPublicKeyInfo (DER); the private key as base64 PKCS #8. */
export const p256SpkiKeys: KeyFormat = {
  algorithm: 'ecdsa-p256',
  publicKeyFormat:
    'an ECDSA P-256 public key as base64 DER (SubjectPublicKeyInfo, "MFkw..."), as SendGrid\'s Mail Settings show the verification key; PEM is accepted too',
  privateKeyFormat: 'an ECDSA P-256 private key as base64 DER (PKCS #8, "MIGH..."); PEM is accepted too',
  parsePublic(text) {
    const der = derOf(text);
    const key = der && tryKey(() => createPublicKey({ key: der, format: 'der', type: 'spki' }));
    if (key && isP256(key)) return key;
    const priv = this.privateKeyIn(text);
    if (priv) {
      const derived = createPublicKey(priv).export({ format: 'der', type: 'spki' }).toString('base64');
      throw new KeyFormatError(`This is a private key (PKCS #8); verifying needs ${this.publicKeyFormat}. Its public key is ${derived}.`);
    }
    const what = key
      ? `a key of type ${key.asymmetricKeyType}${key.asymmetricKeyDetails?.namedCurve ? ` on ${key.asymmetricKeyDetails.namedCurve}` : ''}, not P-256`
      : describe(text.trim());
    throw new KeyFormatError(`The public key must be ${this.publicKeyFormat}; got ${what}.`);
  },
  parsePrivate(text) {
    const key = this.privateKeyIn(text);
    if (key) return key;
    const der = derOf(text);
    const isPublic = der !== null && tryKey(() => createPublicKey({ key: der, format: 'der', type: 'spki' })) !== null;
    throw new KeyFormatError(
      `The private key must be ${this.privateKeyFormat}; got ${isPublic ? 'a public key (signing needs the private one)' : describe(text.trim())}.`,
    );
  },
  privateKeyIn(text) {
    const der = derOf(text);
    const key = der && tryKey(() => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
    return key && isP256(key) ? key : null;
  },
  generate() {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    return {
      public_key: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      private_key: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    };
  },
};

/** Whether `signature` is a signature of `content` by the holder of `key`'s private half. */
export function verifyWithKey(key: KeyObject, content: Buffer, signature: Buffer): boolean {
  try {
    if (key.asymmetricKeyType === 'ed25519') return cryptoVerify(null, content, key, signature);
    return cryptoVerify('sha256', content, { key, dsaEncoding: 'der' }, signature);
  } catch {
    // A DER signature that does not parse is simply not a valid signature.
    return false;
  }
}

export function signWithKey(key: KeyObject, content: Buffer): Buffer {
  if (key.asymmetricKeyType === 'ed25519') return cryptoSign(null, content, key);
  return cryptoSign('sha256', content, { key, dsaEncoding: 'der' });
}
