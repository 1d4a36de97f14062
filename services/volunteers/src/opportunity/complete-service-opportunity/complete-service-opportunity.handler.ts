import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { OpportunityState } from '../opportunity.state.js';
import { OpportunityCommands } from '../opportunity-commands.js';

export class CompleteServiceOpportunityCommand extends Command<Written<OpportunityState>> {
  constructor(
    readonly data: { opportunityId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CompleteServiceOpportunityCommand)
export class CompleteServiceOpportunityHandler implements ICommandHandler<CompleteServiceOpportunityCommand> {
  constructor(@Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands) {}

  execute({ data, context }: CompleteServiceOpportunityCommand): Promise<Written<OpportunityState>> {
    return this.opportunities.run(data.opportunityId, context, (metadata) => ({ type: 'CompleteServiceOpportunity', data, metadata }));
  }
}
