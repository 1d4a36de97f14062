import type { DynamicModule, Type } from '@nestjs/common';
import type { Projection } from '@cogov/eventsourcing';
import { ServiceInfrastructureModule, type Workflow } from '@cogov/service-kit';
import { HoursLedgerRow, ServiceCertificateRow, ServiceRecordRow } from '../hours-ledger/projections/hours-ledger/hours-ledger.entities.js';
import { hoursLedgerProjection } from '../hours-ledger/projections/hours-ledger/hours-ledger.projection.js';
import { OpportunityRow, SignUpRow } from '../opportunity/projections/opportunity-board/opportunity-board.entities.js';
import { opportunityBoardProjection } from '../opportunity/projections/opportunity-board/opportunity-board.projection.js';
import { TeamMemberRow, TeamRow, VolunteerRow } from '../volunteer/projections/volunteer-roster/volunteer-roster.entities.js';
import { volunteerRosterProjection } from '../volunteer/projections/volunteer-roster/volunteer-roster.projection.js';
import type { VolunteersConfig } from './config.js';

export const CONTEXT = 'volunteers';
export const PROJECTIONS: readonly Projection[] = [volunteerRosterProjection, opportunityBoardProjection, hoursLedgerProjection];

/**
 * The kit's infrastructure with the volunteers' read side. Communities' streets (for street-wide roles) come
 * from the residents' CommunityRegistered on Kafka (the kit's community directory).
 */
export function volunteersInfrastructure(config: VolunteersConfig, { workflows = [] }: { workflows?: readonly Type<Workflow>[] } = {}): DynamicModule {
  return ServiceInfrastructureModule.forRoot({
    context: CONTEXT,
    config,
    projections: PROJECTIONS,
    readModelEntities: [
      VolunteerRow,
      TeamRow,
      TeamMemberRow,
      OpportunityRow,
      SignUpRow,
      HoursLedgerRow,
      ServiceRecordRow,
      ServiceCertificateRow,
    ],
    communityDirectory: true,
    workflows,
  });
}
