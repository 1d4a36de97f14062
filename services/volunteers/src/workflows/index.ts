import type { Type } from '@nestjs/common';
import type { Workflow } from '@cogov/service-kit';
import { HelpRequestOpportunitiesWorkflow } from './help-request-opportunities/help-request-opportunities.workflow.js';
import { PairingActivityHoursWorkflow } from './pairing-activity-hours/pairing-activity-hours.workflow.js';
import { PartyMemberVolunteeringWorkflow } from './party-member-volunteering/party-member-volunteering.workflow.js';

/** The volunteers context's workflows over other contexts' events (docs/workflows.md). */
export const WORKFLOWS: readonly Type<Workflow>[] = [PartyMemberVolunteeringWorkflow, PairingActivityHoursWorkflow, HelpRequestOpportunitiesWorkflow];
