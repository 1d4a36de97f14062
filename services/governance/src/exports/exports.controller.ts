import { Readable } from 'node:stream';
import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import type pg from 'pg';
import { CurrentActor, type Actor } from '@cogov/auth';
import { NotFoundError, ValidationError } from '@cogov/domain';
import { EVENT_STORE_POOL } from '@cogov/eventsourcing';
import { requireDate, requireExternalId, requireUuid } from '@cogov/service-kit';
import { MonthlyReportReader } from '../report/monthly-report.reader.js';
import { parseAsOf } from '../scorecard/scorecard.js';
import { ScorecardReader } from '../scorecard/scorecard.reader.js';
import { knownCommunities } from '../scorecard/scorecard.queries.js';
import { csvLine, exportEvents } from './event-export.js';

const TABLES = ['communities', 'funds', 'assessments', 'committees', 'shortfalls'] as const;

/**
 * Exports for analysts (issue 5), on the governance service with the caller's bearer token:
 * - `GET /exports/events.ndjson?communityId=…|streetId=…&from=YYYY-MM-DD&to=YYYY-MM-DD[&after=<sequence>]` — the
 *   public events of that place and those days (Asia/Shanghai), streamed, resumable;
 * - `GET /exports/street-scorecard.csv?streetId=…[&asOf=…]` — the roll-up, a row per community and the total;
 * - `GET /exports/monthly-report/<table>.csv?streetId=…&month=YYYY-MM` — a table of the monthly report.
 */
@Controller('exports')
export class ExportsController {
  constructor(
    @Inject(EVENT_STORE_POOL) private readonly pool: pg.Pool,
    @Inject(ScorecardReader) private readonly scorecards: ScorecardReader,
    @Inject(MonthlyReportReader) private readonly reports: MonthlyReportReader,
  ) {}

  @Get('events.ndjson')
  async events(
    @Query('communityId') communityId: string | undefined,
    @Query('streetId') streetId: string | undefined,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Query('after') after: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const first = requireDate(from, 'from');
    const last = requireDate(to, 'to');
    if (first > last) throw new ValidationError('to', 'to must not be before from');
    if (after !== undefined && !/^\d{1,19}$/.test(after)) throw new ValidationError('after', 'after must be the sequence of the last line received');
    const communityIds = await this.place(actor, communityId, streetId);
    const lines = exportEvents(this.pool, {
      communityIds,
      from: new Date(`${first}T00:00:00+08:00`),
      to: new Date(`${last}T23:59:59.999+08:00`),
      ...(after === undefined ? {} : { after }),
    });
    return new StreamableFile(Readable.from(lines), { type: 'application/x-ndjson; charset=utf-8' });
  }

  @Get('street-scorecard.csv')
  async streetScorecard(@Query('streetId') streetId: string | undefined, @Query('asOf') asOf: string | undefined, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const street = await this.scorecards.street(actor, requireExternalId(streetId, 'streetId'), parseAsOf(asOf));
    const header = [
      'community', 'residents', 'appeals_filed', 'appeals_responded', 'appeals_resolved', 'appeals_overdue', 'response_rate', 'resolution_rate',
      'satisfaction_rate', 'volunteers_registered', 'volunteers_active', 'verified_hours', 'verified_hours_per_1000_residents', 'party_members',
      'households', 'households_with_contact_share', 'pairings_active', 'pairing_activities', 'pairing_participants', 'funds_pledged_fen',
      'funds_disbursed_fen', 'compounds', 'committee_share', 'rated_excellent', 'rated_good', 'rated_pass', 'rated_fail', 'as_of',
    ];
    const rows = [...street.communities.map((c) => ({ name: c.communityName, s: c.scorecard })), { name: `${street.streetName}（合计）`, s: street.total }];
    const body =
      csvLine(header) +
      rows
        .map(({ name, s }) =>
          csvLine([
            name, s.residents, s.appeals.filed, s.appeals.responded, s.appeals.resolved, s.appeals.overdue, s.appeals.responseRate, s.appeals.resolutionRate,
            s.appeals.satisfactionRate, s.volunteers.registered, s.volunteers.active, s.volunteers.verifiedHours, s.volunteers.verifiedHoursPer1000Residents,
            s.party.membersRegistered, s.party.households, s.party.householdsWithContactShare, s.pairings.active, s.pairings.activities, s.pairings.participants,
            s.pairings.fundsPledgedFen, s.pairings.fundsDisbursedFen, s.property.compounds, s.property.committeeShare, s.property.ratedExcellent,
            s.property.ratedGood, s.property.ratedPass, s.property.ratedFail, s.asOf,
          ]),
        )
        .join('');
    return new StreamableFile(Buffer.from(body, 'utf8'), { type: 'text/csv; charset=utf-8' });
  }

  @Get('monthly-report/:table')
  async monthlyReport(
    @Param('table') file: string,
    @Query('streetId') streetId: string | undefined,
    @Query('month') month: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const table = file.replace(/\.csv$/, '');
    if (!(TABLES as readonly string[]).includes(table) || !file.endsWith('.csv')) {
      throw new ValidationError('table', `table must be one of ${TABLES.map((t) => `${t}.csv`).join(', ')}`);
    }
    if (typeof month !== 'string') throw new ValidationError('month', 'month must be a month YYYY-MM');
    const report = await this.reports.report(actor, requireExternalId(streetId, 'streetId'), month);
    const lines: string[] = [];
    switch (table as (typeof TABLES)[number]) {
      case 'communities':
        lines.push(csvLine(['community', 'activities', 'participants', 'disbursed_fen', 'volunteer_hours']));
        for (const c of report.communities) lines.push(csvLine([c.communityName, c.activities, c.participants, c.disbursedFen, c.volunteerHours]));
        break;
      case 'funds':
        lines.push(csvLine(['organisation', 'pledged_fen', 'disbursed_fen']));
        for (const o of report.funds.byOrganisation) lines.push(csvLine([o.organisationName, o.pledgedFen, o.disbursedFen]));
        break;
      case 'assessments':
        lines.push(csvLine(['community', 'compound', 'quarter', 'score_hundredths', 'rating']));
        for (const a of report.assessments) lines.push(csvLine([a.communityName, a.compoundName, a.quarter, a.scoreHundredths, a.rating]));
        break;
      case 'committees':
        lines.push(csvLine(['community', 'compound', 'filed_at', 'filing_number']));
        for (const c of report.committeesFiled) lines.push(csvLine([c.communityName, c.compoundName, c.filedAt, c.filingNumber]));
        break;
      case 'shortfalls':
        lines.push(csvLine(['kind', 'community', 'name', 'detail']));
        for (const u of report.shortfalls.unitsWithoutActivity) lines.push(csvLine(['unit_without_activity', u.communityName, u.organisationName, null]));
        for (const c of report.shortfalls.cadresWithoutRecord) lines.push(csvLine(['cadre_without_record', c.communityName, c.pairedUnitName, c.cadreId]));
        for (const c of report.shortfalls.compoundsRatedFail) lines.push(csvLine(['compound_rated_fail', c.communityName, c.compoundName, c.quarter]));
        break;
    }
    return new StreamableFile(Buffer.from(lines.join(''), 'utf8'), { type: 'text/csv; charset=utf-8' });
  }

  /** The communities an export covers, checked against the caller's jurisdiction. */
  private async place(actor: Actor, communityId: string | undefined, streetId: string | undefined): Promise<string[]> {
    if ((communityId === undefined) === (streetId === undefined)) throw new ValidationError('communityId', 'give communityId or streetId (one of them)');
    if (communityId !== undefined) {
      const id = requireUuid(communityId, 'communityId');
      await this.scorecards.assertCommunity(actor, id);
      return [id];
    }
    const street = requireExternalId(streetId, 'streetId');
    this.scorecards.assertStreet(actor, street);
    const communities = await knownCommunities(this.pool, street);
    if (communities.length === 0) throw new NotFoundError('Street', street);
    return communities.map((c) => c.communityId);
  }
}
