import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { organisationDecider, type CompleteIncubation } from '../organisation.decide.js';
import { organisationStreamId } from '../organisation.events.js';
import type { OrganisationState } from '../organisation.state.js';

export class CompleteIncubationCommand extends Command<Written<OrganisationState>> {
  constructor(
    readonly data: CompleteIncubation['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The jurisdiction is the organisation's own community; an unknown organisation is left to decide (NOT_FOUND). */
@CommandHandler(CompleteIncubationCommand)
export class CompleteIncubationHandler implements ICommandHandler<CompleteIncubationCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  execute({ data, context }: CompleteIncubationCommand): Promise<Written<OrganisationState>> {
    return this.executor.execute({
      streamId: organisationStreamId(data.organisationId),
      decider: organisationDecider,
      command: (metadata) => ({ type: 'CompleteIncubation' as const, data, metadata }),
      context,
      authorize: async (current) => {
        if (current.status === 'registered') await this.jurisdiction.assert(context.actor, { communityId: current.communityId });
      },
    });
  }
}
