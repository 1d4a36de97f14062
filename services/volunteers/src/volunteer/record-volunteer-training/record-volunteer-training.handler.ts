import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { RecordVolunteerTraining } from '../volunteer.decide.js';
import type { VolunteerState } from '../volunteer.state.js';
import { VolunteerCommands } from '../volunteer-commands.js';

export class RecordVolunteerTrainingCommand extends Command<Written<VolunteerState>> {
  constructor(
    readonly data: RecordVolunteerTraining['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordVolunteerTrainingCommand)
export class RecordVolunteerTrainingHandler implements ICommandHandler<RecordVolunteerTrainingCommand> {
  constructor(@Inject(VolunteerCommands) private readonly volunteers: VolunteerCommands) {}

  execute({ data, context }: RecordVolunteerTrainingCommand): Promise<Written<VolunteerState>> {
    return this.volunteers.run(data.volunteerId, context, (metadata) => ({ type: 'RecordVolunteerTraining', data, metadata }));
  }
}
