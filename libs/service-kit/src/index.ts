// Decorator metadata must exist before any decorated class of the kit (or of the service) is evaluated.
import 'reflect-metadata';

// Configuration
export { dataRoot, defaultDatabaseUrl, integerFromEnv, loadMasterKey, loadServiceConfig, type ServiceConfig, type ServiceDefaults } from './config.js';

// Commands: context, executor, jurisdiction
export {
  EventSourcedCommandExecutor,
  eventCommunityId,
  type CommandContext,
  type CommandExecutor,
  type ExecuteCommand,
  type Written,
} from './command-executor.js';
export { correlationIdFrom, isSystemActor, requestCommandContext, systemActor, type CommandActor, type SystemActor } from './request-context.js';
export { MutationContext } from './command-context.decorator.js';
export { Jurisdiction, type Place, type StreetLookup } from './jurisdiction.js';

// Errors
export { ConcurrentChangeError, ForbiddenError, formatGraphqlError, type ErrorLogger } from './errors.js';
export { ExpectedErrorsFilter } from './expected-errors.filter.js';

// Input guards of the GraphQL shell (throw ValidationError from @cogov/domain)
export * from './input-validation.js';

// Read side
export { ReadModels, type ReadModelEntities } from './read-models.js';
export { ReadYourWrites, checkpointAtOrAfter, readModelProgressChannel } from './read-your-writes.js';
export { MASKS, PersonalDataPresenter, type Mask, type PersonalRequest } from './personal-data.presenter.js';
export { rebuildReadModels, type RebuildReadModelsOptions, type RebuildSummary } from './read-model-rebuild.js';
export { runRebuildCli, type RebuildCliOptions } from './rebuild-cli.js';

// Nest wiring
export { COMMAND_EXECUTOR, SERVICE_CONFIG, SERVICE_OPTIONS, type ServiceInfrastructureOptions } from './service-options.js';
export { ServiceInfrastructureModule } from './service-infrastructure.module.js';
export { BackgroundWork } from './background-work.js';
export {
  COMMUNITY_REGISTERED_TYPE,
  CommunityDirectory,
  KNOWN_COMMUNITIES_DDL,
  communityDirectoryGroupId,
  recordKnownCommunity,
  type CommunityDirectoryOptions,
  type CommunityRegisteredData,
} from './community-directory.js';
export { ServiceHealth } from './service-health.js';
export { ServiceApiModule, type ServiceApiOptions } from './service-api.module.js';
export { bootstrapService, type BootstrapOptions } from './bootstrap.js';

// Demo data: the shared demo street, deterministic ids and fake people, the plan runner
export * from './demo/index.js';

// Workflows: process managers over other contexts' events (docs/workflows.md)
export { Workflow, type WorkflowCommandOutcome, type WorkflowStep } from './workflows/workflow.js';
export { WorkflowRunner, workflowGroupId, type WorkflowRunnerOptions } from './workflows/workflow-runner.js';
export { publicEvents, publicTopicSpec, toPublicCloudEvent, type PublicCloudEvent } from './public-events.js';
