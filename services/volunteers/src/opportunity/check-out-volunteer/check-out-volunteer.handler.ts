import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { OpportunityState } from '../opportunity.state.js';
import { OpportunityCommands } from '../opportunity-commands.js';

export class CheckOutVolunteerCommand extends Command<Written<OpportunityState>> {
  constructor(
    readonly data: { opportunityId: string; volunteerId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CheckOutVolunteerCommand)
export class CheckOutVolunteerHandler implements ICommandHandler<CheckOutVolunteerCommand> {
  constructor(@Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands) {}

  execute({ data, context }: CheckOutVolunteerCommand): Promise<Written<OpportunityState>> {
    return this.opportunities.run(data.opportunityId, context, (metadata) => ({ type: 'CheckOutVolunteer', data, metadata }));
  }
}
