import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { type CommandContext, MutationContext, ReadYourWrites, requireText, requireUuid } from '@cogov/service-kit';
import { CommunityType, communityFromState } from '../community.graphql.js';
import { AssignGridWorkerCommand } from './assign-grid-worker.handler.js';

@InputType()
export class AssignGridWorkerInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ID) gridId!: string;
  @Field(() => ID, { description: "The worker's user id (the data subject of the name)." }) workerId!: string;
  @Field() workerName!: string;
}

@Resolver()
export class AssignGridWorkerResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => CommunityType)
  async assignGridWorker(@Args('input') input: AssignGridWorkerInput, @MutationContext() context: CommandContext): Promise<CommunityType> {
    const data = {
      communityId: requireUuid(input.communityId, 'input.communityId'),
      gridId: requireUuid(input.gridId, 'input.gridId'),
      workerId: requireUuid(input.workerId, 'input.workerId'),
      workerName: requireText(input.workerName, 'input.workerName', { max: 30 }),
    };
    const { state, checkpoint } = await this.commands.execute(new AssignGridWorkerCommand(data, context));
    if (state.status !== 'registered') throw new Error('community missing after AssignGridWorker');
    // The grids' worker names and the counts come from the directory (CommunityDirectoryResolver).
    await this.readYourWrites.waitFor(['community-directory'], checkpoint, 'assignGridWorker');
    return communityFromState(state);
  }
}
