import type { Type } from '@nestjs/common';
import type { Workflow } from '@cogov/service-kit';
import { VolunteerHelpOutcomesWorkflow } from './volunteer-help-outcomes/volunteer-help-outcomes.workflow.js';
import { WorkOrderOutcomesWorkflow } from './work-order-outcomes/work-order-outcomes.workflow.js';

/** The residents' workflows over other contexts' events (docs/workflows.md). */
export const WORKFLOWS: readonly Type<Workflow>[] = [WorkOrderOutcomesWorkflow, VolunteerHelpOutcomesWorkflow];
