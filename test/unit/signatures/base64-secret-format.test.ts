import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyMessage } from '../../../src/main/engine/signatures/verify';
import { secretFormatHint } from '../../../src/shared/verification-text';

/**
 * Airtable's macSecretBase64 (and Microsoft Teams', Brex's) is plain base64 of the key: a sender
 * that keys the HMAC with the text is told to decode it, without a whsec_ prefix that is not there.
 */
const secret = Buffer.from('airtable mac key, 24 byt').toString('base64');
const body = Buffer.from('{"base":{"id":"app00000000000000"},"webhook":{"id":"ach00000000000000"},"timestamp":"2022-02-01T21:25:05.663Z"}');

describe('base64 secret format', () => {
  it('diagnoses a sender that used the base64 text as the key, naming base64 only', () => {
    const mac = createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('hex');
    const result = verifyMessage(
      { headers: [['X-Airtable-Content-MAC', `hmac-sha256=${mac}`]], body },
      { scheme: 'airtable', secret, toleranceSeconds: 300 },
    );
    expect(result.reason).toBe('signature_mismatch');
    const item = result.diagnosis.find((entry) => entry.code === 'secret_format');
    expect(item?.message).toContain('the secret is the base64 of the key');
    expect(item?.message).not.toContain('whsec_');
  });

  it('verifies with the decoded key', () => {
    const mac = createHmac('sha256', Buffer.from(secret, 'base64')).update(body).digest('hex');
    expect(
      verifyMessage(
        { headers: [['X-Airtable-Content-MAC', `hmac-sha256=${mac}`]], body },
        { scheme: 'airtable', secret, toleranceSeconds: 300 },
      ).verdict,
    ).toBe('valid');
  });

  it('hints each format in words', () => {
    expect(secretFormatHint('base64')).toBe('base64 of the key (no prefix)');
    expect(secretFormatHint('whsec_base64')).toBe('whsec_ + base64 of the key');
    expect(secretFormatHint('text')).toBeNull();
  });
});
