import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { SuspendVolunteer } from '../volunteer.decide.js';
import type { VolunteerState } from '../volunteer.state.js';
import { VolunteerCommands } from '../volunteer-commands.js';

export class SuspendVolunteerCommand extends Command<Written<VolunteerState>> {
  constructor(
    readonly data: SuspendVolunteer['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SuspendVolunteerCommand)
export class SuspendVolunteerHandler implements ICommandHandler<SuspendVolunteerCommand> {
  constructor(@Inject(VolunteerCommands) private readonly volunteers: VolunteerCommands) {}

  execute({ data, context }: SuspendVolunteerCommand): Promise<Written<VolunteerState>> {
    return this.volunteers.run(data.volunteerId, context, (metadata) => ({ type: 'SuspendVolunteer', data, metadata }));
  }
}
