import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { assertExistingInJurisdiction } from '../../infrastructure/access.js';
import { householdContactDecider } from '../household-contact.decide.js';
import { householdContactStreamId, type ContactVisitPurpose } from '../household-contact.events.js';
import type { HouseholdContactState } from '../household-contact.state.js';

export interface RecordContactVisitData {
  householdId: string;
  memberId: string;
  visitedOn: string;
  purpose: ContactVisitPurpose;
}

export class RecordContactVisitCommand extends Command<Written<HouseholdContactState>> {
  constructor(
    readonly data: RecordContactVisitData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordContactVisitCommand)
export class RecordContactVisitHandler implements ICommandHandler<RecordContactVisitCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  execute({ data, context }: RecordContactVisitCommand): Promise<Written<HouseholdContactState>> {
    return this.executor.execute({
      streamId: householdContactStreamId(data.householdId),
      decider: householdContactDecider,
      command: (metadata) => ({ type: 'RecordContactVisit' as const, data, metadata }),
      context,
      authorize: async (state) => {
        await assertExistingInJurisdiction(this.jurisdiction, context.actor, state, 'household contact', data.householdId);
      },
    });
  }
}
