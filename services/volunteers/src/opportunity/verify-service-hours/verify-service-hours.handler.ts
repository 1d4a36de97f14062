import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { OpportunityState } from '../opportunity.state.js';
import { OpportunityCommands } from '../opportunity-commands.js';

export class VerifyServiceHoursCommand extends Command<Written<OpportunityState>> {
  constructor(
    readonly data: { opportunityId: string; volunteerId: string; servedMinutes: number },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(VerifyServiceHoursCommand)
export class VerifyServiceHoursHandler implements ICommandHandler<VerifyServiceHoursCommand> {
  constructor(@Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands) {}

  execute({ data, context }: VerifyServiceHoursCommand): Promise<Written<OpportunityState>> {
    return this.opportunities.run(data.opportunityId, context, (metadata) => ({ type: 'VerifyServiceHours', data, metadata }));
  }
}
