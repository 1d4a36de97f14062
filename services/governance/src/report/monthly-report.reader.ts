import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { EVENT_STORE_POOL } from '@cogov/eventsourcing';
import { ScorecardReader } from '../scorecard/scorecard.reader.js';
import { knownCommunities } from '../scorecard/scorecard.queries.js';
import { buildMonthlyReport, monthBounds, type MonthlyReport } from './monthly-report.js';

@Injectable()
export class MonthlyReportReader {
  constructor(
    @Inject(EVENT_STORE_POOL) private readonly pool: pg.Pool,
    @Inject(ScorecardReader) private readonly access: ScorecardReader,
  ) {}

  /** The report of a street for a month; only a street-wide role holding that street may read it. */
  async report(actor: Actor, streetId: string, month: string): Promise<MonthlyReport> {
    monthBounds(month);
    this.access.assertStreet(actor, streetId);
    const communities = await knownCommunities(this.pool, streetId);
    if (communities.length === 0) throw new NotFoundError('Street', streetId);
    return buildMonthlyReport(
      this.pool,
      { streetId, streetName: communities[0]!.streetName, communities: communities.map((c) => ({ communityId: c.communityId, name: c.name })) },
      month,
    );
  }
}
