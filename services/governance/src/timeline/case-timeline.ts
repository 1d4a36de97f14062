import { Inject, Injectable } from '@nestjs/common';
import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { CurrentActor, type Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { EVENT_STORE_POOL } from '@cogov/eventsourcing';
import { cloudEventType } from '@cogov/messaging';
import { requireUuid } from '@cogov/service-kit';
import { shortType } from '../intake/fact-log.js';
import { ScorecardReader } from '../scorecard/scorecard.reader.js';

const APPEAL_FILED = cloudEventType('residents', 'AppealFiled', 1);

@ObjectType('TimelineEntry')
export class TimelineEntryType {
  @Field(() => String, { description: 'When it happened (UTC).' }) at!: string;
  @Field(() => String, { description: 'The context that recorded it: residents, property, volunteers …' }) context!: string;
  @Field(() => String, { description: 'The event, e.g. appeal-dispatched, work-order-opened.' }) event!: string;
  @Field(() => ID) eventId!: string;
  @Field(() => String, { description: 'The stream (aggregate) it belongs to: the appeal, a work order …' }) streamId!: string;
  @Field(() => Int) streamVersion!: number;
  @Field(() => String, { description: 'Who acted: a user id, or system:workflow:<name> for a workflow.' }) actor!: string;
  @Field(() => ID, { description: 'The event that caused it.' }) causationId!: string;
  @Field(() => String, { description: 'Its non-personal facts, as key=value.' }) summary!: string;
}

@ObjectType('CaseTimeline', { description: 'One appeal followed across every context it touched, in order (by correlation id).' })
export class CaseTimelineType {
  @Field(() => ID) appealId!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => ID) correlationId!: string;
  @Field(() => [TimelineEntryType]) entries!: TimelineEntryType[];
}

/** `key=value` of the event's scalar facts (one level of nesting), ids of the community left out. */
export function summarise(data: unknown, limit = 8): string {
  const parts: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (parts.length >= limit) return;
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      parts.push(`${path}=[${value.length}]`);
    } else if (typeof value === 'object') {
      if (path.includes('.')) return;
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    } else if (path !== 'communityId') {
      parts.push(`${path}=${String(value)}`);
    }
  };
  walk(data, '');
  return parts.join(', ');
}

interface EventRow {
  event_id: string;
  type: string;
  source: string;
  stream_id: string;
  stream_version: number;
  occurred_at: Date;
  actor: string;
  causation_id: string;
  data: unknown;
}

@Injectable()
export class CaseTimelineReader {
  constructor(
    @Inject(EVENT_STORE_POOL) private readonly pool: pg.Pool,
    @Inject(ScorecardReader) private readonly access: ScorecardReader,
  ) {}

  async ofAppeal(actor: Actor, appealId: string): Promise<CaseTimelineType> {
    const { rows: filed } = await this.pool.query<{ community_id: string; correlation_id: string }>(
      `select community_id, correlation_id from gov_event where type = $1 and data ? 'appealId' and data->>'appealId' = $2 order by seq limit 1`,
      [APPEAL_FILED, appealId],
    );
    const appeal = filed[0];
    if (!appeal) throw new NotFoundError('Appeal', appealId);
    await this.access.assertCommunity(actor, appeal.community_id);
    // The case: the events carrying its correlation id, the appeal's own events (a later step may start elsewhere,
    // as a staff request with its own correlation id), and every event of a stream the case opened — a work order
    // or an opportunity opened by a workflow lives on, assigned and completed by people acting on it, not on the case.
    const { rows } = await this.pool.query<EventRow>(
      `with own as (
         select stream_id, stream_version from gov_event
          where correlation_id = $1 or (data ? 'appealId' and data->>'appealId' = $2)),
       opened as (select stream_id from own where stream_version = 1)
       select event_id, type, source, stream_id, stream_version, occurred_at, actor, causation_id, data from gov_event
        where correlation_id = $1 or (data ? 'appealId' and data->>'appealId' = $2) or stream_id in (select stream_id from opened)
        order by occurred_at, seq`,
      [appeal.correlation_id, appealId],
    );
    return {
      appealId,
      communityId: appeal.community_id,
      correlationId: appeal.correlation_id,
      entries: rows.map((row) => ({
        at: row.occurred_at.toISOString(),
        context: row.source.replace(/^\/cogov\//, ''),
        event: shortType(row.type),
        eventId: row.event_id,
        streamId: row.stream_id,
        streamVersion: row.stream_version,
        actor: row.actor,
        causationId: row.causation_id,
        summary: summarise(row.data),
      })),
    };
  }
}

@Resolver()
export class CaseTimelineResolver {
  constructor(@Inject(CaseTimelineReader) private readonly reader: CaseTimelineReader) {}

  @Query(() => CaseTimelineType, { description: 'One appeal followed across every context it touched, in order.' })
  caseTimeline(@Args('appealId', { type: () => ID }) appealId: string, @CurrentActor() actor: Actor): Promise<CaseTimelineType> {
    return this.reader.ofAppeal(actor, requireUuid(appealId, 'appealId'));
  }
}
