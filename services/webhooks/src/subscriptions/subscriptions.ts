import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { administersOrganisation, type Actor } from '@cogov/auth';
import { allPublicContracts } from '@cogov/contracts';
import { NotFoundError, ValidationError } from '@cogov/domain';
import { EVENT_STORE_POOL } from '@cogov/eventsourcing';
import { ForbiddenError, SERVICE_CONFIG, requireEnum, requireExternalId, requireInt, requireText, requireUuid } from '@cogov/service-kit';
import { sealSecret } from '../delivery/secret-box.js';
import { newSecret } from '../delivery/signature.js';
import { requireTargetUrl } from '../delivery/targets.js';
import type { WebhooksConfig } from '../infrastructure/config.js';
import { inTransaction } from '../infrastructure/transaction.js';
import { DELIVERY_CHANNEL } from '../intake/schema.js';

export type SubscriptionStatus = 'active' | 'paused' | 'deleted';
export type DeliveryStatus = 'pending' | 'delivered' | 'dead';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'dead'];

export interface SubscriptionRow {
  id: string;
  organisation_id: string;
  url: string;
  description: string;
  event_types: string[];
  community_ids: string[];
  status: SubscriptionStatus;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string;
  type: string;
  stream_id: string;
  stream_version: number;
  community_id: string;
  occurred_at: Date;
  status: DeliveryStatus;
  attempts: number;
  tries: number;
  /** Null while its subscription is paused. */
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
}

export interface AttemptRow {
  delivery_id: string;
  try: number;
  at: Date;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
}

export interface SubscriptionInput {
  url?: string | null;
  description?: string | null;
  eventTypes?: readonly string[] | null;
  communityIds?: readonly string[] | null;
}

/** Every public CloudEvents type a subscription may name (the catalogue's, docs/events.md). */
export const SUBSCRIBABLE_TYPES: ReadonlySet<string> = new Set(allPublicContracts().map((contract) => contract.cloudEventType));

const MAX_SUBSCRIPTIONS_PER_ORGANISATION = 20;
const MAX_COMMUNITIES = 200;
const SUBSCRIPTION_COLUMNS = 'id, organisation_id, url, description, event_types, community_ids, status, created_by, created_at, updated_at';
const DELIVERY_COLUMNS = `d.id::text, d.subscription_id, d.event_id, e.type, e.stream_id, e.stream_version, e.community_id, e.occurred_at,
  d.status, d.attempts, d.tries, case when d.next_attempt_at <> 'infinity' then d.next_attempt_at end as next_attempt_at,
  d.last_status_code, d.last_error, d.delivered_at`;

/** An instant: an RFC 3339 date-time, or a date YYYY-MM-DD meaning its start in Asia/Shanghai. */
export function requireInstant(value: string | null | undefined, field: string): Date {
  const text = (value ?? '').trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? new Date(`${text}T00:00:00+08:00`)
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text)
      ? new Date(text)
      : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new ValidationError(field, `${field} must be an RFC 3339 date-time or a date YYYY-MM-DD, got '${text.slice(0, 40)}'`);
  return date;
}

/**
 * Subscriptions and their delivery log, as an organisation's admin manages them. Every operation checks first
 * that the caller administers the subscription's organisation (`organisation_admin` with it in the token's
 * `organisationIds`), then validates, naming the field.
 */
@Injectable()
export class Subscriptions {
  constructor(
    @Inject(EVENT_STORE_POOL) private readonly pool: pg.Pool,
    @Inject(SERVICE_CONFIG) private readonly config: WebhooksConfig,
  ) {}

  async list(actor: Actor, organisationId: string): Promise<SubscriptionRow[]> {
    const organisation = this.assertAdministers(actor, requireExternalId(organisationId, 'organisationId'));
    const { rows } = await this.pool.query<SubscriptionRow>(
      `select ${SUBSCRIPTION_COLUMNS} from hook_subscription where organisation_id = $1 and status <> 'deleted' order by created_at`,
      [organisation],
    );
    return rows;
  }

  /** A subscription of the caller's organisation; a deleted one only for reading its delivery log. */
  async get(actor: Actor, id: string, field = 'id', { deleted = false } = {}): Promise<SubscriptionRow> {
    const { rows } = await this.pool.query<SubscriptionRow>(`select ${SUBSCRIPTION_COLUMNS} from hook_subscription where id = $1`, [requireUuid(id, field)]);
    const row = rows[0];
    if (!row || (row.status === 'deleted' && !deleted)) throw new NotFoundError('webhook subscription', id);
    this.assertAdministers(actor, row.organisation_id);
    return row;
  }

  async create(actor: Actor, organisationId: string, input: SubscriptionInput): Promise<{ subscription: SubscriptionRow; secret: string }> {
    const organisation = this.assertAdministers(actor, requireExternalId(organisationId, 'input.organisationId'));
    const known = await this.pool.query('select 1 from hook_organisation where organisation_id = $1', [organisation]);
    if (known.rowCount === 0) throw new NotFoundError('organisation', `${organisation} (not registered, or its registration has not reached the webhooks service yet)`);
    const url = requireTargetUrl(input.url, this.config.delivery.allowInsecureTargets, 'input.url');
    const eventTypes = this.requireEventTypes(input.eventTypes, 'input.eventTypes');
    const communityIds = await this.requireCommunities(input.communityIds, 'input.communityIds');
    const description = input.description == null ? '' : requireText(input.description, 'input.description', { min: 0, max: 200 });
    const count = await this.pool.query<{ n: number }>(`select count(*)::int as n from hook_subscription where organisation_id = $1 and status <> 'deleted'`, [organisation]);
    if (count.rows[0]!.n >= MAX_SUBSCRIPTIONS_PER_ORGANISATION) {
      throw new ValidationError('input.organisationId', `an organisation has at most ${MAX_SUBSCRIPTIONS_PER_ORGANISATION} subscriptions; delete one first`);
    }
    const secret = newSecret();
    const id = randomUUID();
    const { rows } = await this.pool.query<SubscriptionRow>(
      `insert into hook_subscription (id, organisation_id, url, description, event_types, community_ids, status, secret, created_by)
       values ($1, $2, $3, $4, $5, $6, 'active', $7, $8) returning ${SUBSCRIPTION_COLUMNS}`,
      [id, organisation, url, description, eventTypes, communityIds, sealSecret(this.config.masterKey, id, secret), actor.subject],
    );
    return { subscription: rows[0]!, secret };
  }

  async update(actor: Actor, id: string, input: SubscriptionInput): Promise<SubscriptionRow> {
    const current = await this.get(actor, id);
    const url = input.url == null ? current.url : requireTargetUrl(input.url, this.config.delivery.allowInsecureTargets, 'input.url');
    const eventTypes = input.eventTypes == null ? current.event_types : this.requireEventTypes(input.eventTypes, 'input.eventTypes');
    const communityIds = input.communityIds == null ? current.community_ids : await this.requireCommunities(input.communityIds, 'input.communityIds');
    const description = input.description == null ? current.description : requireText(input.description, 'input.description', { min: 0, max: 200 });
    const { rows } = await this.pool.query<SubscriptionRow>(
      `update hook_subscription set url = $2, event_types = $3, community_ids = $4, description = $5, updated_at = now()
       where id = $1 returning ${SUBSCRIPTION_COLUMNS}`,
      [current.id, url, eventTypes, communityIds, description],
    );
    return rows[0]!;
  }

  /**
   * Paused: events still queue (in order), nothing is sent until it is resumed. Its deliveries wait at 'infinity',
   * out of the dispatcher's walk, so a large paused backlog costs the other subscriptions nothing; resuming makes
   * them due at once.
   */
  async setStatus(actor: Actor, id: string, status: 'active' | 'paused'): Promise<SubscriptionRow> {
    const current = await this.get(actor, id);
    const updated = await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<SubscriptionRow>(
        `update hook_subscription set status = $2, updated_at = now() where id = $1 returning ${SUBSCRIPTION_COLUMNS}`,
        [current.id, status],
      );
      await client.query(
        `update hook_delivery set next_attempt_at = case when $2 = 'paused' then 'infinity'::timestamptz else now() end
          where subscription_id = $1 and status = 'pending'`,
        [current.id, status],
      );
      return rows[0]!;
    });
    if (status === 'active') await this.notify();
    return updated;
  }

  /** Deleted: no more events queue; what was waiting is dead-lettered (the log stays queryable to the admin). */
  async delete(actor: Actor, id: string): Promise<SubscriptionRow> {
    const current = await this.get(actor, id);
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<SubscriptionRow>(
        `update hook_subscription set status = 'deleted', updated_at = now() where id = $1 returning ${SUBSCRIPTION_COLUMNS}`,
        [current.id],
      );
      await client.query(
        `update hook_delivery set status = 'dead', last_error = 'subscription deleted', lease_until = null where subscription_id = $1 and status = 'pending'`,
        [current.id],
      );
      return rows[0]!;
    });
  }

  /** A new secret signs from now on; the old one signs too, for `overlapHours`, while receivers switch over. */
  async rotateSecret(actor: Actor, id: string, overlapHours: number): Promise<{ subscription: SubscriptionRow; secret: string }> {
    const current = await this.get(actor, id);
    const hours = requireInt(overlapHours, 'overlapHours', 0, 168);
    const secret = newSecret();
    const { rows } = await this.pool.query<SubscriptionRow>(
      `update hook_subscription
          set previous_secret = case when $3 > 0 then secret end,
              previous_secret_expires_at = case when $3 > 0 then now() + make_interval(hours => $3) end,
              secret = $2, updated_at = now()
        where id = $1 returning ${SUBSCRIPTION_COLUMNS}`,
      [current.id, sealSecret(this.config.masterKey, current.id, secret), hours],
    );
    return { subscription: rows[0]!, secret };
  }

  async deliveryCounts(subscriptionId: string): Promise<Record<DeliveryStatus, number>> {
    const { rows } = await this.pool.query<{ status: DeliveryStatus; n: number }>(
      'select status, count(*)::int as n from hook_delivery where subscription_id = $1 group by status',
      [subscriptionId],
    );
    return Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, rows.find((row) => row.status === status)?.n ?? 0])) as Record<DeliveryStatus, number>;
  }

  /** The delivery log, newest first, keyset-paginated by delivery id. */
  async deliveries(
    actor: Actor,
    subscriptionId: string,
    filter: { status?: string | null; eventType?: string | null; since?: string | null; until?: string | null; first: number; after?: string | null },
  ): Promise<{ rows: DeliveryRow[]; hasNextPage: boolean }> {
    const subscription = await this.get(actor, subscriptionId, 'subscriptionId', { deleted: true });
    const limit = requireInt(filter.first, 'first', 1, 500);
    const where = ['d.subscription_id = $1'];
    const values: unknown[] = [subscription.id];
    const add = (sql: string, value: unknown): void => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (filter.status != null) add('d.status = ?', requireEnum(filter.status.toLowerCase(), DELIVERY_STATUSES, 'status'));
    if (filter.eventType != null) {
      if (!SUBSCRIBABLE_TYPES.has(filter.eventType)) throw new ValidationError('eventType', `${filter.eventType} is not a public event type`);
      add('e.type = ?', filter.eventType);
    }
    if (filter.since != null) add('e.occurred_at >= ?', requireInstant(filter.since, 'since'));
    if (filter.until != null) add('e.occurred_at < ?', requireInstant(filter.until, 'until'));
    if (filter.after != null) {
      if (!/^[1-9]\d{0,17}$/.test(filter.after)) throw new ValidationError('after', 'after is not a cursor this API returned');
      add('d.id < ?', filter.after);
    }
    values.push(limit + 1);
    const { rows } = await this.pool.query<DeliveryRow>(
      `select ${DELIVERY_COLUMNS} from hook_delivery d join hook_event e on e.event_id = d.event_id
        where ${where.join(' and ')} order by d.id desc limit $${values.length}`,
      values,
    );
    return { rows: rows.slice(0, limit), hasNextPage: rows.length > limit };
  }

  async attempts(deliveryIds: readonly string[]): Promise<AttemptRow[]> {
    if (deliveryIds.length === 0) return [];
    const { rows } = await this.pool.query<AttemptRow>(
      'select delivery_id::text, try, at, duration_ms, status_code, error from hook_attempt where delivery_id = any ($1::bigint[]) order by delivery_id, try',
      [deliveryIds],
    );
    return rows;
  }

  /** Sends one delivery again, whatever became of it (a dead letter, or one the receiver lost), with a fresh count of tries. */
  async redeliver(actor: Actor, deliveryId: string): Promise<DeliveryRow> {
    if (!/^[1-9]\d{0,17}$/.test(deliveryId)) throw new ValidationError('id', 'id must be a delivery id');
    const { rows } = await this.pool.query<{ subscription_id: string }>('select subscription_id from hook_delivery where id = $1', [deliveryId]);
    if (!rows[0]) throw new NotFoundError('webhook delivery', deliveryId);
    await this.get(actor, rows[0].subscription_id);
    await this.pool.query(
      `update hook_delivery d set status = 'pending', attempts = 0, lease_until = null,
              next_attempt_at = case when s.status = 'paused' then 'infinity'::timestamptz else now() end
         from hook_subscription s where d.id = $1 and s.id = d.subscription_id`,
      [deliveryId],
    );
    await this.notify();
    const { rows: updated } = await this.pool.query<DeliveryRow>(
      `select ${DELIVERY_COLUMNS} from hook_delivery d join hook_event e on e.event_id = d.event_id where d.id = $1`,
      [deliveryId],
    );
    return updated[0]!;
  }

  /** Every dead letter of a subscription, sent again in their streams' order. */
  async redeliverDead(actor: Actor, subscriptionId: string): Promise<number> {
    const subscription = await this.get(actor, subscriptionId, 'subscriptionId');
    const { rowCount } = await this.pool.query(
      `update hook_delivery set status = 'pending', attempts = 0, lease_until = null,
              next_attempt_at = case when $2 = 'paused' then 'infinity'::timestamptz else now() end
        where subscription_id = $1 and status = 'dead'`,
      [subscription.id, subscription.status],
    );
    await this.notify();
    return rowCount ?? 0;
  }

  /**
   * Queues again every stored event the subscription matches that happened at or after `from` (event time), in
   * order: those already delivered go again, those never queued (before the subscription existed) go for the first
   * time. Ones still pending keep their place.
   */
  async replay(actor: Actor, subscriptionId: string, from: string): Promise<number> {
    const subscription = await this.get(actor, subscriptionId, 'subscriptionId');
    const since = requireInstant(from, 'from');
    const { rowCount } = await this.pool.query(
      `insert into hook_delivery (subscription_id, event_id, seq, stream_id, status, next_attempt_at)
       select $1, e.event_id, e.seq, e.stream_id, 'pending', $5::timestamptz from hook_event e
        where e.occurred_at >= $2 and e.type = any ($3) and e.community_id = any ($4)
       on conflict (subscription_id, event_id) do update
          set status = 'pending', attempts = 0, next_attempt_at = excluded.next_attempt_at, lease_until = null
        where hook_delivery.status <> 'pending'`,
      [subscription.id, since, subscription.event_types, subscription.community_ids, subscription.status === 'paused' ? 'infinity' : 'now'],
    );
    await this.notify();
    return rowCount ?? 0;
  }

  private assertAdministers(actor: Actor, organisationId: string): string {
    if (!administersOrganisation(actor, organisationId)) {
      throw new ForbiddenError(`you do not administer organisation ${organisationId}`);
    }
    return organisationId;
  }

  private requireEventTypes(values: readonly string[] | null | undefined, field: string): string[] {
    if (!values || values.length === 0) throw new ValidationError(field, `${field} must name at least one public event type (docs/events.md)`);
    const types = values.map((value, i) => {
      if (!SUBSCRIBABLE_TYPES.has(value)) {
        throw new ValidationError(`${field}[${i}]`, `${value} is not a public event type (see webhookEventTypes or docs/events.md)`);
      }
      return value;
    });
    return [...new Set(types)];
  }

  private async requireCommunities(values: readonly string[] | null | undefined, field: string): Promise<string[]> {
    if (!values || values.length === 0) throw new ValidationError(field, `${field} must name at least one community`);
    if (values.length > MAX_COMMUNITIES) throw new ValidationError(field, `${field} has more than ${MAX_COMMUNITIES} communities`);
    const ids = values.map((value, i) => requireExternalId(value, `${field}[${i}]`));
    const { rows } = await this.pool.query<{ community_id: string }>('select community_id from hook_community where community_id = any ($1)', [ids]);
    const known = new Set(rows.map((row) => row.community_id));
    const unknown = ids.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw new ValidationError(`${field}[${unknown}]`, `community ${ids[unknown]} is not known (not registered, or not yet seen by the webhooks service)`);
    return [...new Set(ids)];
  }

  private async notify(): Promise<void> {
    await this.pool.query('select pg_notify($1, $2)', [DELIVERY_CHANNEL, '']);
  }
}
