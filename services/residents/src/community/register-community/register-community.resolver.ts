import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { uuidv7 } from '@cogov/eventsourcing';
import { type CommandContext, MutationContext, ReadYourWrites, requireExternalId, requireText } from '@cogov/service-kit';
import { CommunityType, communityFromState } from '../community.graphql.js';
import { RegisterCommunityCommand } from './register-community.handler.js';

@InputType()
export class RegisterCommunityInput {
  @Field() name!: string;
  @Field({ description: 'Id of the street (街道) the community belongs to.' }) streetId!: string;
  @Field() streetName!: string;
}

@Resolver()
export class RegisterCommunityResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => CommunityType)
  async registerCommunity(@Args('input') input: RegisterCommunityInput, @MutationContext() context: CommandContext): Promise<CommunityType> {
    const data = {
      communityId: uuidv7(),
      name: requireText(input.name, 'input.name', { max: 60 }),
      streetId: requireExternalId(input.streetId, 'input.streetId'),
      streetName: requireText(input.streetName, 'input.streetName', { max: 60 }),
    };
    const { state, checkpoint } = await this.commands.execute(new RegisterCommunityCommand(data, context));
    if (state.status !== 'registered') throw new Error('community not registered after RegisterCommunity');
    // The grids' worker names and the counts come from the directory (CommunityDirectoryResolver).
    await this.readYourWrites.waitFor(['community-directory'], checkpoint, 'registerCommunity');
    return communityFromState(state);
  }
}
