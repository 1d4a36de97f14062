import type { DynamicModule, Type } from '@nestjs/common';
import type { Projection } from '@cogov/eventsourcing';
import { ServiceInfrastructureModule, type Workflow } from '@cogov/service-kit';
import { HouseholdContactRow } from '../household-contact/projections/household-contacts/household-contacts.entity.js';
import { householdContactsProjection } from '../household-contact/projections/household-contacts/household-contacts.projection.js';
import { PartyActivityRow } from '../party-activity/projections/activity-log/activity-log.entity.js';
import { activityLogProjection } from '../party-activity/projections/activity-log/activity-log.projection.js';
import { PartyMemberRow } from '../party-member/projections/member-register/member-register.entity.js';
import { memberRegisterProjection } from '../party-member/projections/member-register/member-register.projection.js';
import { ServiceEntryRow } from '../party-member/projections/service-record/service-record.entity.js';
import { serviceRecordProjection } from '../party-member/projections/service-record/service-record.projection.js';
import {
  PartyCadreRow,
  PartyOrganisationRow,
  PartyServiceCentreRow,
} from '../party-organisation/projections/organisation-roster/organisation-roster.entities.js';
import { organisationRosterProjection } from '../party-organisation/projections/organisation-roster/organisation-roster.projection.js';
import type { PartyBuildingConfig } from './config.js';

export const CONTEXT = 'party-building';
export const PROJECTIONS: readonly Projection[] = [
  organisationRosterProjection,
  memberRegisterProjection,
  householdContactsProjection,
  activityLogProjection,
  serviceRecordProjection,
];

/**
 * The kit's infrastructure with the party-building read side. Communities' streets (for street-wide roles)
 * come from the residents' CommunityRegistered on Kafka (the kit's community directory).
 */
export function partyBuildingInfrastructure(config: PartyBuildingConfig, { workflows = [] }: { workflows?: readonly Type<Workflow>[] } = {}): DynamicModule {
  return ServiceInfrastructureModule.forRoot({
    context: CONTEXT,
    config,
    projections: PROJECTIONS,
    readModelEntities: [PartyOrganisationRow, PartyCadreRow, PartyServiceCentreRow, PartyMemberRow, HouseholdContactRow, PartyActivityRow, ServiceEntryRow],
    communityDirectory: true,
    workflows,
  });
}
