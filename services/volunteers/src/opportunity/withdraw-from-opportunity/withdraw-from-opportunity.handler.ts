import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { WithdrawFromOpportunity } from '../opportunity.decide.js';
import type { OpportunityState } from '../opportunity.state.js';
import { OpportunityCommands } from '../opportunity-commands.js';

export class WithdrawFromOpportunityCommand extends Command<Written<OpportunityState>> {
  constructor(
    readonly data: WithdrawFromOpportunity['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The jurisdiction is the opportunity's community; a suspended volunteer may withdraw too. */
@CommandHandler(WithdrawFromOpportunityCommand)
export class WithdrawFromOpportunityHandler implements ICommandHandler<WithdrawFromOpportunityCommand> {
  constructor(@Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands) {}

  execute({ data, context }: WithdrawFromOpportunityCommand): Promise<Written<OpportunityState>> {
    return this.opportunities.run(data.opportunityId, context, (metadata) => ({ type: 'WithdrawFromOpportunity', data, metadata }));
  }
}
