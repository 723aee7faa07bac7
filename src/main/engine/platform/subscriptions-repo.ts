import type Database from 'better-sqlite3';
import type { FailureInjection, SubscriptionStatus, WebhookSubscription } from '../../../shared/platform-api';
import { isoOrNull, newId } from './ids';

interface SubscriptionRow {
  id: string;
  name: string;
  description: string;
  url: string;
  events_json: string;
  secret: string;
  status: SubscriptionStatus;
  inject_json: string;
  created_at: number;
  updated_at: number;
  last_delivery_at: number | null;
}

export type SubscriptionFields = Pick<WebhookSubscription, 'name' | 'description' | 'url' | 'events' | 'secret' | 'status'>;

/** The guide's field order, so responses read like the guide's examples. */
function toSubscription(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    url: row.url,
    events: JSON.parse(row.events_json) as string[],
    secret: row.secret,
    created_at: new Date(row.created_at).toISOString(),
    last_delivery_at: isoOrNull(row.last_delivery_at),
    status: row.status,
  };
}

/** Webhook subscriptions (the guide's `/webhooks` resources) and their stored failure injection. */
export class SubscriptionsRepo {
  private readonly selectAll;
  private readonly selectOne;
  private readonly insert;
  private readonly update;
  private readonly updateStatus;
  private readonly updateInject;
  private readonly updateLastDelivery;
  private readonly remove;

  constructor(db: Database.Database) {
    this.selectAll = db.prepare('SELECT * FROM webhook_subscriptions ORDER BY created_at, id');
    this.selectOne = db.prepare('SELECT * FROM webhook_subscriptions WHERE id = ?');
    this.insert = db.prepare(`INSERT INTO webhook_subscriptions (id, name, description, url,
        events_json, secret, status, inject_json, created_at, updated_at, last_delivery_at)
      VALUES (@id, @name, @description, @url, @events_json, @secret, @status, '{}', @now, @now, NULL)`);
    this.update = db.prepare(`UPDATE webhook_subscriptions SET name = @name, description = @description,
        url = @url, events_json = @events_json, secret = @secret, status = @status, updated_at = @now
      WHERE id = @id`);
    this.updateStatus = db.prepare('UPDATE webhook_subscriptions SET status = ?, updated_at = ? WHERE id = ?');
    this.updateInject = db.prepare('UPDATE webhook_subscriptions SET inject_json = ?, updated_at = ? WHERE id = ?');
    this.updateLastDelivery = db.prepare('UPDATE webhook_subscriptions SET last_delivery_at = ? WHERE id = ?');
    this.remove = db.prepare('DELETE FROM webhook_subscriptions WHERE id = ?');
  }

  list(): WebhookSubscription[] {
    return (this.selectAll.all() as SubscriptionRow[]).map(toSubscription);
  }

  get(id: string): WebhookSubscription | null {
    const row = this.selectOne.get(id) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  }

  create(fields: SubscriptionFields): WebhookSubscription {
    const id = newId('wh');
    this.insert.run({ id, ...columns(fields), now: Date.now() });
    return this.get(id) as WebhookSubscription;
  }

  replace(id: string, fields: SubscriptionFields): WebhookSubscription {
    this.update.run({ id, ...columns(fields), now: Date.now() });
    return this.get(id) as WebhookSubscription;
  }

  setStatus(id: string, status: SubscriptionStatus): void {
    this.updateStatus.run(status, Date.now(), id);
  }

  getInjection(id: string): FailureInjection | null {
    const row = this.selectOne.get(id) as SubscriptionRow | undefined;
    return row ? (JSON.parse(row.inject_json) as FailureInjection) : null;
  }

  setInjection(id: string, injection: FailureInjection): void {
    this.updateInject.run(JSON.stringify(injection), Date.now(), id);
  }

  markDelivered(id: string, at: number): void {
    this.updateLastDelivery.run(at, id);
  }

  /** Deletes the subscription with its deliveries and their attempts (foreign-key cascade). */
  delete(id: string): boolean {
    return this.remove.run(id).changes > 0;
  }
}

function columns(fields: SubscriptionFields) {
  return {
    name: fields.name,
    description: fields.description,
    url: fields.url,
    events_json: JSON.stringify(fields.events),
    secret: fields.secret,
    status: fields.status,
  };
}
