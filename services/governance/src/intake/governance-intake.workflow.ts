import { Injectable } from '@nestjs/common';
import { Workflow, type WorkflowStep } from '@cogov/service-kit';
import { FACT_LOG_DDL, recordEvent } from './fact-log.js';
import { SOURCE_CONTEXTS } from './facts.js';

/**
 * The governance view's intake: every public event of every context's topic, through the kit's inbox consumer (consumer
 * group `cogov.governance.intake`), so each event is stored once, in the same transaction as its facts, and the
 * offset is committed after. It is a workflow that never runs a command: the kit's runner gives it the inbox,
 * retries, the dead-letter topic and the topics' creation whatever the start order.
 */
@Injectable()
export class GovernanceIntake extends Workflow {
  readonly name = 'intake';
  readonly sources = SOURCE_CONTEXTS;
  // Every type: the facts come from some (INTAKE_EVENT_TYPES), but the case timeline follows an appeal through
  // whatever it touched — work orders, opportunities — so every public event is kept.
  override readonly ddl = FACT_LOG_DDL;

  async handle({ event, client }: WorkflowStep): Promise<void> {
    await recordEvent(client, event);
  }
}
