import { describe, expect, it } from 'vitest';
import type { Tunnel } from '../../../src/shared/api';
import { dashboardUrl, elsewhereWarning, hereTunnel, shortUrl, targetLabel, tunnelNotes } from '../../../src/renderer/src/lib/tunnel-text';

function tunnel(overrides: Partial<Tunnel>): Tunnel {
  return {
    provider: 'ngrok',
    public_url: 'https://a.ngrok-free.app',
    target_url: 'http://localhost:4700',
    status: 'online',
    points_here: true,
    managed: false,
    error: null,
    output: [],
    previous_public_url: null,
    listener: { status: 'ok', error: null, checked_at: '2026-01-01T00:00:00Z' },
    ...overrides,
  };
}

describe('tunnel text', () => {
  it('picks the online tunnel that points here and has a URL', () => {
    const elsewhere = tunnel({ points_here: false, public_url: 'https://b.ngrok-free.app' });
    const starting = tunnel({ provider: 'cloudflared', status: 'starting', public_url: null });
    const here = tunnel({ provider: 'cloudflared', public_url: 'https://x.trycloudflare.com' });
    expect(hereTunnel([elsewhere, starting, here])).toBe(here);
    expect(hereTunnel([elsewhere, starting])).toBeNull();
    expect(hereTunnel([tunnel({ status: 'offline' })])).toBeNull();
  });

  it('says a local target as its port and a remote one with its host', () => {
    expect(targetLabel('http://localhost:3000')).toBe(':3000');
    expect(targetLabel('3000')).toBe(':3000');
    expect(targetLabel('127.0.0.1:8080')).toBe(':8080');
    expect(targetLabel('http://[::1]:5000')).toBe(':5000');
    expect(targetLabel('https://192.168.1.5')).toBe('192.168.1.5:443');
    expect(targetLabel('http://example.com:4700/x')).toBe('example.com:4700');
    expect(targetLabel('not a url :(')).toBe('not a url :(');
  });

  it('warns about an online tunnel that forwards elsewhere, naming both ports', () => {
    const elsewhere = tunnel({ points_here: false, target_url: 'http://localhost:3000' });
    expect(elsewhereWarning(elsewhere, 'http://127.0.0.1:4700')).toBe("ngrok forwards to :3000, not to Hookscope's :4700");
    expect(elsewhereWarning(tunnel({}), 'http://127.0.0.1:4700')).toBeNull();
    // cloudflared's metrics report no target: the listener check speaks for it instead.
    expect(elsewhereWarning(tunnel({ points_here: false, target_url: null }), 'http://127.0.0.1:4700')).toBeNull();
    expect(elsewhereWarning({ ...elsewhere, status: 'offline' }, 'http://127.0.0.1:4700')).toBeNull();
  });

  it('shortens an https URL to its host for the top bar, and keeps other schemes', () => {
    expect(shortUrl('https://x.trycloudflare.com')).toBe('x.trycloudflare.com');
    expect(shortUrl('https://x.trycloudflare.com/')).toBe('x.trycloudflare.com');
    expect(shortUrl('http://127.0.0.1:41823')).toBe('http://127.0.0.1:41823');
  });

  it('joins the public URL and an endpoint path with one slash', () => {
    expect(dashboardUrl('https://x.trycloudflare.com', '/stripe')).toBe('https://x.trycloudflare.com/stripe');
    expect(dashboardUrl('https://x.trycloudflare.com/', '/')).toBe('https://x.trycloudflare.com/');
    expect(dashboardUrl('https://x.trycloudflare.com', '/hooks/github/')).toBe('https://x.trycloudflare.com/hooks/github/');
  });

  it('notes an unreachable listener and a changed quick-tunnel URL, only for online tunnels', () => {
    const notes = tunnelNotes([
      tunnel({ listener: { status: 'unreachable', error: 'HTTP 502 from the tunnel.', checked_at: null } }),
      tunnel({
        provider: 'cloudflared',
        public_url: 'https://new.trycloudflare.com',
        previous_public_url: 'https://old.trycloudflare.com',
      }),
      tunnel({ status: 'offline', listener: { status: 'unreachable', error: 'x', checked_at: null }, previous_public_url: 'https://z' }),
    ]);
    expect(notes.map((note) => note.kind)).toEqual(['unreachable', 'url-changed']);
    expect(notes[0]?.text).toContain("ngrok's https://a.ngrok-free.app: HTTP 502 from the tunnel. Senders");
    expect(notes[1]?.text).toContain('may still point at https://old.trycloudflare.com');
    expect(notes[1]?.key).toBe('url-changed:https://new.trycloudflare.com');
    expect(tunnelNotes([tunnel({})])).toEqual([]);
  });
});
