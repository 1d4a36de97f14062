import type { Type } from '@nestjs/common';
import type { Workflow } from '@cogov/service-kit';
import { VolunteerServiceRecordWorkflow } from './volunteer-service-record/volunteer-service-record.workflow.js';

/** The party-building context's workflows over other contexts' events (docs/workflows.md). */
export const WORKFLOWS: readonly Type<Workflow>[] = [VolunteerServiceRecordWorkflow];
