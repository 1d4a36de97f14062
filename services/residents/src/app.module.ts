import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceApiModule } from '@cogov/service-kit';
import { AppealCommands } from './appeal/appeal-commands.js';
import { AcceptAppealHandler } from './appeal/accept-appeal/accept-appeal.handler.js';
import { AcceptAppealResolver } from './appeal/accept-appeal/accept-appeal.resolver.js';
import { DispatchAppealHandler } from './appeal/dispatch-appeal/dispatch-appeal.handler.js';
import { DispatchAppealResolver } from './appeal/dispatch-appeal/dispatch-appeal.resolver.js';
import { EscalateAppealHandler } from './appeal/escalate-overdue-appeals/escalate-appeal.handler.js';
import { EscalationScheduler } from './appeal/escalate-overdue-appeals/escalation.scheduler.js';
import { FileAppealHandler } from './appeal/file-appeal/file-appeal.handler.js';
import { FileAppealResolver } from './appeal/file-appeal/file-appeal.resolver.js';
import { NoteAppealProgressHandler } from './appeal/note-appeal-progress/note-appeal-progress.handler.js';
import { NoteAppealProgressResolver } from './appeal/note-appeal-progress/note-appeal-progress.resolver.js';
import { AppealBoardResolver } from './appeal/projections/appeal-board/appeal-board.resolver.js';
import { MonthlyMetricsResolver } from './appeal/projections/monthly-metrics/monthly-metrics.resolver.js';
import { RecordReturnVisitHandler } from './appeal/record-return-visit/record-return-visit.handler.js';
import { RecordReturnVisitResolver } from './appeal/record-return-visit/record-return-visit.resolver.js';
import { ReopenAppealHandler } from './appeal/reopen-appeal/reopen-appeal.handler.js';
import { ReopenAppealResolver } from './appeal/reopen-appeal/reopen-appeal.resolver.js';
import { ResolveAppealHandler } from './appeal/resolve-appeal/resolve-appeal.handler.js';
import { ResolveAppealResolver } from './appeal/resolve-appeal/resolve-appeal.resolver.js';
import { AssignGridWorkerHandler } from './community/assign-grid-worker/assign-grid-worker.handler.js';
import { AssignGridWorkerResolver } from './community/assign-grid-worker/assign-grid-worker.resolver.js';
import { CommunityCommands } from './community/community-command.js';
import { DelineateGridHandler } from './community/delineate-grid/delineate-grid.handler.js';
import { DelineateGridResolver } from './community/delineate-grid/delineate-grid.resolver.js';
import { CommunityDirectoryResolver } from './community/projections/community-directory/community-directory.resolver.js';
import { RegisterCommunityHandler } from './community/register-community/register-community.handler.js';
import { RegisterCommunityResolver } from './community/register-community/register-community.resolver.js';
import { RegisterHouseholdHandler } from './household/register-household/register-household.handler.js';
import { RegisterHouseholdResolver } from './household/register-household/register-household.resolver.js';
import type { ResidentsConfig } from './infrastructure/config.js';
import { ErasePersonalDataHandler } from './resident/erase-personal-data/erase-personal-data.handler.js';
import { ErasePersonalDataResolver } from './resident/erase-personal-data/erase-personal-data.resolver.js';
import { MoveResidentInHandler } from './resident/move-resident-in/move-resident-in.handler.js';
import { MoveResidentInResolver } from './resident/move-resident-in/move-resident-in.resolver.js';
import { MoveResidentOutHandler } from './resident/move-resident-out/move-resident-out.handler.js';
import { MoveResidentOutResolver } from './resident/move-resident-out/move-resident-out.resolver.js';
import { ResidentCommands } from './resident/resident-commands.js';
import { ResidentPresenter } from './resident/resident.presenter.js';
import { TagVulnerableGroupHandler } from './resident/tag-vulnerable-group/tag-vulnerable-group.handler.js';
import { TagVulnerableGroupResolver } from './resident/tag-vulnerable-group/tag-vulnerable-group.resolver.js';
import { UntagVulnerableGroupHandler } from './resident/untag-vulnerable-group/untag-vulnerable-group.handler.js';
import { UntagVulnerableGroupResolver } from './resident/untag-vulnerable-group/untag-vulnerable-group.resolver.js';
import { CONTEXT, residentsInfrastructure } from './infrastructure/residents-infrastructure.js';
import { WORKFLOWS } from './workflows/index.js';

export const COMMAND_HANDLERS = [
  RegisterCommunityHandler,
  DelineateGridHandler,
  AssignGridWorkerHandler,
  RegisterHouseholdHandler,
  MoveResidentInHandler,
  MoveResidentOutHandler,
  TagVulnerableGroupHandler,
  UntagVulnerableGroupHandler,
  ErasePersonalDataHandler,
  FileAppealHandler,
  AcceptAppealHandler,
  DispatchAppealHandler,
  NoteAppealProgressHandler,
  ResolveAppealHandler,
  RecordReturnVisitHandler,
  ReopenAppealHandler,
  EscalateAppealHandler,
];

const RESOLVERS = [
  RegisterCommunityResolver,
  DelineateGridResolver,
  AssignGridWorkerResolver,
  RegisterHouseholdResolver,
  MoveResidentInResolver,
  MoveResidentOutResolver,
  TagVulnerableGroupResolver,
  UntagVulnerableGroupResolver,
  ErasePersonalDataResolver,
  FileAppealResolver,
  AcceptAppealResolver,
  DispatchAppealResolver,
  NoteAppealProgressResolver,
  ResolveAppealResolver,
  RecordReturnVisitResolver,
  ReopenAppealResolver,
  CommunityDirectoryResolver,
  AppealBoardResolver,
  MonthlyMetricsResolver,
];

/** The command side alone: what the demo loader boots (no HTTP, no GraphQL, no scheduler). */
@Module({})
export class ResidentsCommandsModule {
  static forRoot(config: ResidentsConfig): DynamicModule {
    return {
      module: ResidentsCommandsModule,
      imports: [CqrsModule.forRoot(), residentsInfrastructure(config, { workflows: WORKFLOWS })],
      providers: [CommunityCommands, ResidentCommands, AppealCommands, ResidentPresenter, ...COMMAND_HANDLERS],
      exports: [CommunityCommands, ResidentCommands, AppealCommands, ResidentPresenter],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: ResidentsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ResidentsCommandsModule.forRoot(config), ServiceApiModule.forRoot({ context: CONTEXT, config })],
      providers: [...RESOLVERS, EscalationScheduler],
    };
  }
}
