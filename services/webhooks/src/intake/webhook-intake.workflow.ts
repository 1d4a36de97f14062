import { Injectable } from '@nestjs/common';
import { allPublicContracts } from '@cogov/contracts';
import { Workflow, type WorkflowStep } from '@cogov/service-kit';
import { DELIVERY_CHANNEL, WEBHOOKS_DDL } from './schema.js';

const COMMUNITY_REGISTERED = 'cn.cogov.public.residents.community-registered.v1';
const ORGANISATION_REGISTERED = 'cn.cogov.public.organisations.organisation-registered.v1';

/** The contexts with a public topic: every one the catalogue lists. */
export const PUBLIC_SOURCES: readonly string[] = [...new Set(allPublicContracts().map((contract) => contract.context))];

/**
 * The intake: every event of every public topic, through the kit's inbox consumer (group `cogov.webhooks.intake`),
 * stored once, and queued for each subscription it matches — in the same transaction as the inbox row, so a
 * crash loses nothing and a redelivery queues nothing twice. The dispatcher sends what is queued.
 */
@Injectable()
export class WebhookIntake extends Workflow {
  readonly name = 'intake';
  readonly sources = PUBLIC_SOURCES;
  override readonly reads = 'public' as const;
  override readonly ddl = WEBHOOKS_DDL;

  async handle({ event, client }: WorkflowStep): Promise<void> {
    const { actor: _none, ...body } = event;
    const { rows } = await client.query<{ seq: string }>(
      `insert into hook_event (event_id, type, stream_id, stream_version, community_id, occurred_at, body)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (event_id) do nothing returning seq`,
      [event.id, event.type, event.subject, event.streamversion, event.communityid, event.time, JSON.stringify(body)],
    );
    const seq = rows[0]?.seq;
    if (seq === undefined) return;
    const data = event.data as Record<string, unknown>;
    if (event.type === COMMUNITY_REGISTERED) {
      await client.query(
        `insert into hook_community (community_id, street_id, name) values ($1, $2, $3)
         on conflict (community_id) do update set street_id = excluded.street_id, name = excluded.name`,
        [data['communityId'], data['streetId'], data['name']],
      );
    } else if (event.type === ORGANISATION_REGISTERED) {
      await client.query(
        `insert into hook_organisation (organisation_id, community_id, name) values ($1, $2, $3)
         on conflict (organisation_id) do update set community_id = excluded.community_id, name = excluded.name`,
        [data['organisationId'], data['communityId'], data['name']],
      );
    }
    const queued = await client.query(
      // Due at once, unless its subscription is paused ('infinity') or the stream's head is waiting out a backoff,
      // which it must not overtake: then it waits as long (the dispatcher's claims never walk over it).
      `insert into hook_delivery (subscription_id, event_id, seq, stream_id, status, next_attempt_at)
       select s.id, $1, $2, $3, 'pending',
              case when s.status = 'paused' then 'infinity'::timestamptz
                   else greatest(now(), coalesce((select head.next_attempt_at from hook_delivery head
                                                   where head.subscription_id = s.id and head.stream_id = $3 and head.status = 'pending'
                                                     and head.next_attempt_at <> 'infinity'
                                                   order by head.seq limit 1), now())) end
         from hook_subscription s
        where s.status <> 'deleted' and $4 = any (s.event_types) and $5 = any (s.community_ids)
       on conflict (subscription_id, event_id) do nothing`,
      [event.id, seq, event.subject, event.type, event.communityid],
    );
    if ((queued.rowCount ?? 0) > 0) await client.query(`select pg_notify($1, '')`, [DELIVERY_CHANNEL]);
  }
}
