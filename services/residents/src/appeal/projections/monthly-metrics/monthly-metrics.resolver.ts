import { Inject } from '@nestjs/common';
import { Args, Field, Float, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { ForbiddenError, Jurisdiction, ReadModels, requireMonth, requireUuid } from '@cogov/service-kit';

@ObjectType('CommunityMonthlyMetrics', { description: 'Appeal KPIs of one Asia/Shanghai calendar month; definitions in docs/residents-metrics.md.' })
export class CommunityMonthlyMetrics {
  @Field(() => ID) communityId!: string;
  @Field() month!: string;
  @Field(() => Int) appealsFiled!: number;
  @Field(() => Int) respondedInTime!: number;
  @Field(() => Float, { nullable: true }) responseRate!: number | null;
  @Field(() => Int) resolved!: number;
  @Field(() => Float, { nullable: true }) resolutionRate!: number | null;
  @Field(() => Int) rated!: number;
  @Field(() => Int) satisfied!: number;
  @Field(() => Float, { nullable: true }) satisfactionRate!: number | null;
  @Field(() => Float, { nullable: true }) medianHoursToResolve!: number | null;
  @Field(() => Int) overdueCount!: number;
}

/**
 * The monthly KPIs are a query over the appeal board (a cohort of the appeals filed in the month), not a
 * table of their own: the board already holds every fact they need, and a figure computed at query time
 * can never disagree with the board a user is looking at. SQL rather than the ORM for the aggregates
 * (FILTER clauses, percentile_cont).
 */
const METRICS_SQL = /* sql */ `
select count(*)::int as filed,
  count(*) filter (where first_accepted_at <= filed_at + interval '24 hours')::int as responded,
  count(*) filter (where status in ('resolved', 'closed'))::int as resolved,
  count(*) filter (where rating is not null)::int as rated,
  count(*) filter (where rating in ('satisfied', 'basically_satisfied'))::int as satisfied,
  percentile_cont(0.5) within group (order by extract(epoch from resolved_at - filed_at) / 3600)
    filter (where status in ('resolved', 'closed')) as median_hours,
  count(*) filter (where ever_overdue or (status = 'dispatched' and deadline < ?))::int as overdue
from appeal_board
where community_id = ?
  and filed_at >= (?::timestamp at time zone 'Asia/Shanghai')
  and filed_at < ((?::timestamp + interval '1 month') at time zone 'Asia/Shanghai')`;

interface MetricsRow {
  filed: number;
  responded: number;
  resolved: number;
  rated: number;
  satisfied: number;
  median_hours: number | null;
  overdue: number;
}

const rate = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;

@Resolver()
export class MonthlyMetricsResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Query(() => CommunityMonthlyMetrics)
  async communityMonthlyMetrics(
    @CurrentActor() actor: Actor,
    @Args('communityId', { type: () => ID }) communityId: string,
    @Args('month', { description: 'YYYY-MM, Asia/Shanghai calendar month' }) month: string,
  ): Promise<CommunityMonthlyMetrics> {
    const community = requireUuid(communityId, 'communityId');
    const { year, month: m } = requireMonth(month, 'month');
    if (!(await this.jurisdiction.covers(actor, { communityId: community }))) {
      throw new ForbiddenError(`community ${community} is outside your jurisdiction`);
    }
    const start = `${year}-${String(m).padStart(2, '0')}-01 00:00:00`;
    const [row] = await this.readModels.em().getConnection().execute<MetricsRow[]>(METRICS_SQL, [new Date(), community, start, start]);
    const r = row!;
    const median = r.median_hours === null ? null : Math.round(Number(r.median_hours) * 100) / 100;
    return {
      communityId: community,
      month,
      appealsFiled: r.filed,
      respondedInTime: r.responded,
      responseRate: rate(r.responded, r.filed),
      resolved: r.resolved,
      resolutionRate: rate(r.resolved, r.filed),
      rated: r.rated,
      satisfied: r.satisfied,
      satisfactionRate: rate(r.satisfied, r.rated),
      medianHoursToResolve: median,
      overdueCount: r.overdue,
    };
  }
}
