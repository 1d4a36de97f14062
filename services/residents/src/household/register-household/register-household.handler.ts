import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, type CommandContext, type CommandExecutor, Jurisdiction, type Written } from '@cogov/service-kit';
import { requireCommunityGrid } from '../../community/community-grid.js';
import { householdDecider } from '../household.decide.js';
import { householdStreamId, type HouseholdAddress } from '../household.events.js';
import type { HouseholdState } from '../household.state.js';

export class RegisterHouseholdCommand extends Command<Written<HouseholdState>> {
  constructor(
    readonly data: { householdId: string; communityId: string; gridId: string; address: HouseholdAddress },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterHouseholdCommand)
export class RegisterHouseholdHandler implements ICommandHandler<RegisterHouseholdCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  async execute({ data, context }: RegisterHouseholdCommand): Promise<Written<HouseholdState>> {
    return this.executor.execute({
      streamId: householdStreamId(data.householdId),
      decider: householdDecider,
      command: (metadata) => ({ type: 'RegisterHousehold', data, metadata }),
      context,
      authorize: async () => {
        await this.jurisdiction.assert(context.actor, { communityId: data.communityId, gridId: data.gridId });
        // After the jurisdiction, so that nobody learns which communities exist outside theirs.
        await requireCommunityGrid(this.aggregates, data.communityId, data.gridId);
      },
    });
  }
}
