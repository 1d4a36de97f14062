import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidStateError, NotFoundError } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { teamDecider } from '../../team/team.decide.js';
import { teamStreamId } from '../../team/team.events.js';
import { volunteerDecider } from '../volunteer.decide.js';
import { volunteerStreamId } from '../volunteer.events.js';
import type { VolunteerState } from '../volunteer.state.js';

export class JoinVolunteerTeamCommand extends Command<Written<VolunteerState>> {
  constructor(
    readonly data: { volunteerId: string; teamId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(JoinVolunteerTeamCommand)
export class JoinVolunteerTeamHandler implements ICommandHandler<JoinVolunteerTeamCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  execute({ data, context }: JoinVolunteerTeamCommand): Promise<Written<VolunteerState>> {
    return this.executor.execute({
      streamId: volunteerStreamId(data.volunteerId),
      decider: volunteerDecider,
      command: (metadata) => ({ type: 'JoinVolunteerTeam' as const, data, metadata }),
      context,
      authorize: async (volunteer) => {
        if (volunteer.status === 'empty') throw new NotFoundError('volunteer', data.volunteerId);
        await this.jurisdiction.assert(context.actor, { communityId: volunteer.communityId });
        // The team is another aggregate: read from its stream (the source of truth), not the lagging roster.
        // A team disbanded after this check can still gain this member; the roster shows the team disbanded.
        const { state: team } = await this.aggregates.load(teamStreamId(data.teamId), teamDecider);
        if (team.status === 'empty') throw new NotFoundError('volunteer team', data.teamId);
        if (team.status === 'disbanded' && !volunteer.teamIds.includes(data.teamId)) {
          throw new InvalidStateError(`volunteer team ${data.teamId} is disbanded; nobody can join it`);
        }
      },
    });
  }
}
