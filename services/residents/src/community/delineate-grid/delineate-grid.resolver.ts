import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { uuidv7 } from '@cogov/eventsourcing';
import { type CommandContext, MutationContext, ReadYourWrites, requireText, requireUuid } from '@cogov/service-kit';
import { CommunityType, communityFromState } from '../community.graphql.js';
import { DelineateGridCommand } from './delineate-grid.handler.js';

@InputType()
export class DelineateGridInput {
  @Field(() => ID) communityId!: string;
  @Field() name!: string;
}

@Resolver()
export class DelineateGridResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => CommunityType)
  async delineateGrid(@Args('input') input: DelineateGridInput, @MutationContext() context: CommandContext): Promise<CommunityType> {
    const data = {
      communityId: requireUuid(input.communityId, 'input.communityId'),
      gridId: uuidv7(),
      name: requireText(input.name, 'input.name', { max: 40 }),
    };
    const { state, checkpoint } = await this.commands.execute(new DelineateGridCommand(data, context));
    if (state.status !== 'registered') throw new Error('community missing after DelineateGrid');
    // The grids' worker names and the counts come from the directory (CommunityDirectoryResolver).
    await this.readYourWrites.waitFor(['community-directory'], checkpoint, 'delineateGrid');
    return communityFromState(state);
  }
}
