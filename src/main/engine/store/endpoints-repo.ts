import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  CATCH_ALL_ENDPOINT_ID,
  DEFAULT_FORWARD_TIMEOUT_MS,
  DEFAULT_TOLERANCE_SECONDS,
  type Endpoint,
  type CustomSchemeConfig,
  type EndpointResponseConfig,
} from '../../../shared/api';
import { newSecret } from '../platform/ids';

interface EndpointRow {
  id: string;
  name: string;
  path: string;
  scheme: string;
  secret: string;
  tolerance_seconds: number;
  enforce: number;
  response_json: string;
  forward_to: string | null;
  forward_timeout_ms: number;
  custom_json: string | null;
  answer_handshakes: number;
  verify_token: string | null;
  created_at: number;
  updated_at: number;
}

export const DEFAULT_RESPONSE: EndpointResponseConfig = {
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: '{"received": true}',
  delay_ms: 0,
};

function toEndpoint(row: EndpointRow): Endpoint {
  return {
    id: row.id,
    name: row.name,
    path: row.path,
    scheme: row.scheme,
    secret: row.secret,
    tolerance_seconds: row.tolerance_seconds,
    enforce: row.enforce === 1,
    response: JSON.parse(row.response_json) as EndpointResponseConfig,
    forward_to: row.forward_to,
    forward_timeout_ms: row.forward_timeout_ms,
    custom: row.custom_json === null ? null : (JSON.parse(row.custom_json) as CustomSchemeConfig),
    answer_handshakes: row.answer_handshakes === 1,
    verify_token: row.verify_token,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

export type EndpointFields = Omit<Endpoint, 'id' | 'created_at' | 'updated_at'>;

/**
 * Inbound endpoints; the catch-all `/` is created on first open and never removed. It is created
 * with a generated secret so that a first run can send a signed sample at once; a database that
 * already has the catch-all (an upgrade) keeps it exactly as it is, secret-less or not.
 */
export class EndpointsRepo {
  private readonly selectAll;
  private readonly selectOne;
  private readonly insert;
  private readonly update;
  private readonly remove;

  constructor(db: Database.Database) {
    this.selectAll = db.prepare('SELECT * FROM endpoints ORDER BY length(path) DESC, path');
    this.selectOne = db.prepare('SELECT * FROM endpoints WHERE id = ?');
    this.insert = db.prepare(`INSERT INTO endpoints (id, name, path, scheme, secret,
        tolerance_seconds, enforce, response_json, forward_to, forward_timeout_ms, custom_json, answer_handshakes, verify_token,
        created_at, updated_at)
      VALUES (@id, @name, @path, @scheme, @secret, @tolerance_seconds, @enforce, @response_json,
        @forward_to, @forward_timeout_ms, @custom_json, @answer_handshakes, @verify_token, @now, @now)`);
    this.update = db.prepare(`UPDATE endpoints SET name = @name, path = @path, scheme = @scheme,
        secret = @secret, tolerance_seconds = @tolerance_seconds, enforce = @enforce,
        response_json = @response_json, forward_to = @forward_to, forward_timeout_ms = @forward_timeout_ms,
        custom_json = @custom_json, answer_handshakes = @answer_handshakes, verify_token = @verify_token,
        updated_at = @now WHERE id = @id`);
    this.remove = db.prepare('DELETE FROM endpoints WHERE id = ?');
    if (!this.get(CATCH_ALL_ENDPOINT_ID)) {
      this.insertRow(CATCH_ALL_ENDPOINT_ID, {
        name: 'Catch-all',
        path: '/',
        scheme: 'dcisionai',
        secret: newSecret(),
        tolerance_seconds: DEFAULT_TOLERANCE_SECONDS,
        enforce: false,
        response: DEFAULT_RESPONSE,
        forward_to: null,
        forward_timeout_ms: DEFAULT_FORWARD_TIMEOUT_MS,
        custom: null,
        answer_handshakes: true,
        verify_token: null,
      });
    }
  }

  /** Longest path first, which is the order matching wants. */
  list(): Endpoint[] {
    return (this.selectAll.all() as EndpointRow[]).map(toEndpoint);
  }

  get(id: string): Endpoint | null {
    const row = this.selectOne.get(id) as EndpointRow | undefined;
    return row ? toEndpoint(row) : null;
  }

  create(fields: EndpointFields): Endpoint {
    const id = `ep_${randomBytes(8).toString('hex')}`;
    this.insertRow(id, fields);
    return this.get(id) as Endpoint;
  }

  replace(id: string, fields: EndpointFields): Endpoint {
    this.update.run({ id, ...this.columns(fields), now: Date.now() });
    return this.get(id) as Endpoint;
  }

  delete(id: string): boolean {
    return this.remove.run(id).changes > 0;
  }

  private insertRow(id: string, fields: EndpointFields): void {
    this.insert.run({ id, ...this.columns(fields), now: Date.now() });
  }

  private columns(fields: EndpointFields) {
    return {
      name: fields.name,
      path: fields.path,
      scheme: fields.scheme,
      secret: fields.secret,
      tolerance_seconds: fields.tolerance_seconds,
      enforce: fields.enforce ? 1 : 0,
      response_json: JSON.stringify(fields.response),
      forward_to: fields.forward_to,
      forward_timeout_ms: fields.forward_timeout_ms,
      custom_json: fields.custom === null ? null : JSON.stringify(fields.custom),
      answer_handshakes: fields.answer_handshakes ? 1 : 0,
      verify_token: fields.verify_token,
    };
  }
}
