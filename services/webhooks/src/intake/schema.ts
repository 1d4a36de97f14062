/**
 * The webhooks service's tables (docs/webhooks.md). Only public events ever reach them: the intake reads the
 * public topics (ADR 0009), so nothing here can hold what partners may not see.
 *
 * - `hook_event`: every public event consumed, once, in intake order (`seq`), as received — what deliveries
 *   send and what a replay reads (the public topics keep 30 days; this keeps everything).
 * - `hook_community`, `hook_organisation`: the places and organisations known from the public events, to check
 *   a subscription's communities and organisation.
 * - `hook_subscription`: an organisation's subscriptions; `secret` signs, `previous_secret` too until it expires
 *   (rotation) — both sealed under the master key (secret-box.ts).
 * - `hook_delivery`: one row per (subscription, event), its state and schedule; `hook_attempt`: every try, the log.
 */
export const WEBHOOKS_DDL: readonly string[] = [
  `create table if not exists hook_event (
     event_id uuid primary key,
     seq bigint generated always as identity unique,
     type text not null,
     stream_id text not null,
     stream_version int not null,
     community_id text not null,
     occurred_at timestamptz not null,
     body text not null,
     received_at timestamptz not null default now())`,
  `create index if not exists hook_event_time on hook_event (occurred_at)`,
  `create table if not exists hook_community (
     community_id text primary key,
     street_id text not null,
     name text not null)`,
  `create table if not exists hook_organisation (
     organisation_id text primary key,
     community_id text not null,
     name text not null)`,
  `create table if not exists hook_subscription (
     id uuid primary key,
     organisation_id text not null,
     url text not null,
     description text not null default '',
     event_types text[] not null,
     community_ids text[] not null,
     status text not null check (status in ('active', 'paused', 'deleted')),
     secret text not null,
     previous_secret text,
     previous_secret_expires_at timestamptz,
     created_by text not null,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now())`,
  `create index if not exists hook_subscription_organisation on hook_subscription (organisation_id) where status <> 'deleted'`,
  `create table if not exists hook_delivery (
     id bigint generated always as identity primary key,
     subscription_id uuid not null references hook_subscription (id),
     event_id uuid not null references hook_event (event_id),
     seq bigint not null,
     stream_id text not null,
     status text not null check (status in ('pending', 'delivered', 'dead')),
     attempts int not null default 0,
     tries int not null default 0,
     next_attempt_at timestamptz not null default now(),
     lease_until timestamptz,
     last_status_code int,
     last_error text,
     delivered_at timestamptz,
     created_at timestamptz not null default now(),
     unique (subscription_id, event_id))`,
  // The dispatcher's two questions: what is due (walked in this order; a paused subscription's deliveries wait at
  // 'infinity', out of the walk), and which pending delivery heads its stream (one descent of the second index).
  `drop index if exists hook_delivery_due`,
  `create index if not exists hook_delivery_due_v2 on hook_delivery (next_attempt_at, seq) where status = 'pending'`,
  `create index if not exists hook_delivery_stream on hook_delivery (subscription_id, stream_id, seq) where status = 'pending'`,
  `create index if not exists hook_delivery_log on hook_delivery (subscription_id, id)`,
  `create table if not exists hook_attempt (
     delivery_id bigint not null references hook_delivery (id),
     try int not null,
     at timestamptz not null,
     duration_ms int not null,
     status_code int,
     error text,
     primary key (delivery_id, try))`,
];

/** The channel the intake and the mutations notify when deliveries become due, so the dispatcher wakes at once. */
export const DELIVERY_CHANNEL = 'cogov_webhook_due';
