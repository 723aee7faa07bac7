import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from '../../../src/main/engine/signatures/hmac';

describe('constantTimeEqual', () => {
  it('is true only for identical strings', () => {
    const mac = 'a'.repeat(63) + 'b';
    expect(constantTimeEqual(mac, mac)).toBe(true);
    expect(constantTimeEqual(mac, 'a'.repeat(64))).toBe(false); // differs in the last character only
    expect(constantTimeEqual('b' + 'a'.repeat(63), 'a'.repeat(64))).toBe(false); // the first only
    expect(constantTimeEqual(mac, mac.slice(0, 63))).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('café', 'cafe')).toBe(false);
    expect(constantTimeEqual('t\u00e9', 't\u00e9')).toBe(true);
  });
});
