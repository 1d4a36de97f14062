import type pg from 'pg';
import type { Projection, ProjectionTables, RecordedEvent } from '@cogov/eventsourcing';

/**
 * One row per compound and quarter: the scheme snapshotted at opening, the scores and veto items so far,
 * and once concluded the rating with its explanation lines.
 */
export const assessmentRegisterProjection: Projection = {
  name: 'assessment-register',
  version: 1,
  tables: ['assessment_register'],
  eventTypes: [
    'PropertyServiceAssessmentOpened',
    'PropertyServiceCriterionScored',
    'PropertyServiceAssessmentVetoed',
    'PropertyServiceAssessmentConcluded',
  ],

  async setup(client: pg.ClientBase, t: ProjectionTables): Promise<void> {
    await client.query(`
      create table ${t.assessment_register} (
        compound_id text not null, quarter text not null, community_id text not null, company_id text not null,
        status text not null, scheme jsonb not null, scores jsonb not null default '{}'::jsonb,
        veto_items jsonb not null default '[]'::jsonb, rating text, weighted_score_hundredths int,
        explanation jsonb, opened_at timestamptz not null, concluded_at timestamptz, stream_version int not null,
        primary key (compound_id, quarter));
      create index on ${t.assessment_register} (community_id, quarter);`);
  },

  async handle(client: pg.ClientBase, events: RecordedEvent[], t: ProjectionTables): Promise<void> {
    const table = t.assessment_register;
    for (const event of events) {
      const d = event.data as Record<string, unknown>;
      // Redelivery-proof: a row only moves forward, so an event at or below its version is a no-op.
      const update = (set: string, values: unknown[]) =>
        client.query(`update ${table} set ${set}, stream_version = $3 where compound_id = $1 and quarter = $2 and stream_version < $3`, [
          d.compoundId,
          d.quarter,
          event.streamVersion,
          ...values,
        ]);
      switch (event.type) {
        case 'PropertyServiceAssessmentOpened':
          await client.query(
            `insert into ${table} (compound_id, quarter, community_id, company_id, status, scheme, opened_at, stream_version)
             values ($1, $2, $3, $4, 'open', $5, $6, $7) on conflict (compound_id, quarter) do nothing`,
            [d.compoundId, d.quarter, d.communityId, d.companyId, JSON.stringify(d.scheme), d.openedAt, event.streamVersion],
          );
          break;
        case 'PropertyServiceCriterionScored':
          await update(`scores = scores || jsonb_build_object($4::text, $5::int)`, [d.criterion, d.score]);
          break;
        case 'PropertyServiceAssessmentVetoed':
          await update(`veto_items = veto_items || jsonb_build_array($4::text)`, [d.vetoItem]);
          break;
        case 'PropertyServiceAssessmentConcluded':
          await update(`status = 'concluded', rating = $4, weighted_score_hundredths = $5, explanation = $6::jsonb, concluded_at = $7`, [
            d.rating,
            d.weightedScoreHundredths,
            JSON.stringify(d.explanation),
            d.concludedAt,
          ]);
          break;
      }
    }
  },
};
