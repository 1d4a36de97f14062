import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@cogov/auth';
import type { CommandMetadata } from '@cogov/domain';
import { COMMAND_EXECUTOR, Jurisdiction, ReadYourWrites, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { volunteerDecider, type VolunteerCommand } from './volunteer.decide.js';
import { volunteerStreamId } from './volunteer.events.js';
import type { VolunteerType } from './volunteer.graphql.js';
import type { VolunteerState } from './volunteer.state.js';
import { VolunteerReader } from './volunteer-reader.js';

/**
 * Runs commands on an existing volunteer inside the actor's jurisdiction (the volunteer's community, known once
 * the stream is read; an unknown volunteer is left to decide, which answers NOT_FOUND), and answers them from
 * the roster.
 */
@Injectable()
export class VolunteerCommands {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(VolunteerReader) private readonly reader: VolunteerReader,
  ) {}

  run(volunteerId: string, context: CommandContext, command: (metadata: CommandMetadata) => VolunteerCommand): Promise<Written<VolunteerState>> {
    return this.executor.execute({
      streamId: volunteerStreamId(volunteerId),
      decider: volunteerDecider,
      command,
      context,
      authorize: async (current) => {
        if (current.status !== 'empty') await this.jurisdiction.assert(context.actor, { communityId: current.communityId });
      },
    });
  }

  async present(actor: Actor, volunteerId: string, { checkpoint }: Written<VolunteerState>, mutation: string): Promise<VolunteerType> {
    await this.readYourWrites.waitFor(['volunteer-roster'], checkpoint, mutation);
    return this.reader.volunteer(actor, volunteerId);
  }
}
