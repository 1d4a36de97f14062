import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { OpportunityState } from '../opportunity.state.js';
import { OpportunityCommands } from '../opportunity-commands.js';

export class CheckInVolunteerCommand extends Command<Written<OpportunityState>> {
  constructor(
    readonly data: { opportunityId: string; volunteerId: string; checkedInAt?: string | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CheckInVolunteerCommand)
export class CheckInVolunteerHandler implements ICommandHandler<CheckInVolunteerCommand> {
  constructor(@Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands) {}

  execute({ data, context }: CheckInVolunteerCommand): Promise<Written<OpportunityState>> {
    return this.opportunities.run(data.opportunityId, context, (metadata) => ({ type: 'CheckInVolunteer', data, metadata }));
  }
}
