import { Controller, Get, Header, Inject, Query as HttpQuery } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { requireExternalId } from '@cogov/service-kit';
import { MonthlyReportType } from './monthly-report.graphql.js';
import { renderMonthlyReportHtml } from './monthly-report.html.js';
import { MonthlyReportReader } from './monthly-report.reader.js';

@Resolver()
export class MonthlyReportResolver {
  constructor(@Inject(MonthlyReportReader) private readonly reader: MonthlyReportReader) {}

  @Query(() => MonthlyReportType, { description: 'The monthly co-building report of a street (月度共建情况通报), as data.' })
  monthlyReport(
    @Args('streetId', { type: () => ID }) streetId: string,
    @Args('month', { description: 'YYYY-MM (Asia/Shanghai)' }) month: string,
    @CurrentActor() actor: Actor,
  ): Promise<MonthlyReportType> {
    return this.reader.report(actor, requireExternalId(streetId, 'streetId'), month);
  }
}

/**
 * The same report as a readable page: `GET /reports/monthly?streetId=…&month=YYYY-MM` with the caller's bearer
 * token (the kit's guard authenticates every route). Self-contained HTML with inline SVG charts.
 */
@Controller('reports')
export class MonthlyReportController {
  constructor(@Inject(MonthlyReportReader) private readonly reader: MonthlyReportReader) {}

  @Get('monthly')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
  async monthly(@HttpQuery('streetId') streetId: string, @HttpQuery('month') month: string, @CurrentActor() actor: Actor): Promise<string> {
    return renderMonthlyReportHtml(await this.reader.report(actor, requireExternalId(streetId, 'streetId'), month));
  }
}
