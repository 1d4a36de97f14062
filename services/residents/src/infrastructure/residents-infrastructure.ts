import type { DynamicModule, Type } from '@nestjs/common';
import type { Projection } from '@cogov/eventsourcing';
import { ServiceInfrastructureModule, type Workflow } from '@cogov/service-kit';
import { createDeadlinePolicy, type DeadlinePolicy } from '../appeal/appeal-deadlines.js';
import { AppealBoardRow } from '../appeal/projections/appeal-board/appeal-board.entity.js';
import { appealBoardProjection } from '../appeal/projections/appeal-board/appeal-board.projection.js';
import { communityStreets } from '../community/community-streets.js';
import { CommunityRow, GridRow, HouseholdRow, ResidentRow } from '../community/projections/community-directory/community-directory.entities.js';
import { communityDirectoryProjection } from '../community/projections/community-directory/community-directory.projection.js';
import type { ResidentsConfig } from './config.js';

export const CONTEXT = 'residents';
export const PROJECTIONS: readonly Projection[] = [communityDirectoryProjection, appealBoardProjection];
export const DEADLINE_POLICY = Symbol('DeadlinePolicy');

/** The kit's infrastructure with the residents' read side, street lookup and deadline policy. */
export function residentsInfrastructure(config: ResidentsConfig, { workflows = [] }: { workflows?: readonly Type<Workflow>[] } = {}): DynamicModule {
  return ServiceInfrastructureModule.forRoot({
    context: CONTEXT,
    config,
    projections: PROJECTIONS,
    readModelEntities: [CommunityRow, GridRow, HouseholdRow, ResidentRow, AppealBoardRow],
    streetLookup: ({ aggregates }) => communityStreets(aggregates),
    workflows,
    providers: [
      {
        provide: DEADLINE_POLICY,
        useFactory: (): DeadlinePolicy => createDeadlinePolicy(config.categoryTiers ? { categoryTiers: config.categoryTiers } : {}),
      },
    ],
  });
}
