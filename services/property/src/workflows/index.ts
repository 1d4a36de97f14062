import type { Type } from '@nestjs/common';
import type { Workflow } from '@cogov/service-kit';
import { AppealSatisfactionWorkflow } from './appeal-satisfaction/appeal-satisfaction.workflow.js';
import { AppealWorkOrdersWorkflow } from './appeal-work-orders/appeal-work-orders.workflow.js';

/** The property context's workflows over other contexts' events (docs/workflows.md). */
export const WORKFLOWS: readonly Type<Workflow>[] = [AppealWorkOrdersWorkflow, AppealSatisfactionWorkflow];
