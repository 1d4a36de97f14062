import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceApiModule, ServiceInfrastructureModule } from '@cogov/service-kit';
import { ExportsController } from './exports/exports.controller.js';
import { CONTEXT, type GovernanceConfig } from './infrastructure/config.js';
import { GovernanceIntake } from './intake/governance-intake.workflow.js';
import { MonthlyReportReader } from './report/monthly-report.reader.js';
import { MonthlyReportController, MonthlyReportResolver } from './report/monthly-report.resolver.js';
import { streetOfCommunity } from './scorecard/scorecard.queries.js';
import { ScorecardReader } from './scorecard/scorecard.reader.js';
import { CommunityScorecardResolver, ScorecardResolver } from './scorecard/scorecard.resolver.js';
import { CaseTimelineReader, CaseTimelineResolver } from './timeline/case-timeline.js';

export { CONTEXT };

/**
 * The governance view (read side only): no commands and no events of its own. The kit gives it the database
 * pool, the intake consumer (as a workflow that runs no command), GraphQL with the JWT guard, /health and /metrics.
 */
@Module({})
export class AppModule {
  static forRoot(config: GovernanceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        ServiceInfrastructureModule.forRoot({
          context: CONTEXT,
          config,
          projections: [],
          // Streets of communities from its own facts (the residents' CommunityRegistered it consumed).
          streetLookup: ({ pool }) => streetOfCommunity(pool),
          workflows: [GovernanceIntake],
        }),
        ServiceApiModule.forRoot({ context: CONTEXT, config }),
      ],
      controllers: [MonthlyReportController, ExportsController],
      providers: [ScorecardReader, CaseTimelineReader, MonthlyReportReader, ScorecardResolver, CommunityScorecardResolver, CaseTimelineResolver, MonthlyReportResolver],
    };
  }
}
