import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { type CommandContext, MutationContext, ReadYourWrites, requireEnum, requireUuid } from '@cogov/service-kit';
import { VULNERABLE_GROUP_CODES } from '../resident.events.js';
import { ResidentType, residentFromState } from '../resident.graphql.js';
import { ResidentPresenter } from '../resident.presenter.js';
import { UntagVulnerableGroupCommand } from './untag-vulnerable-group.handler.js';

@InputType()
export class UntagVulnerableGroupInput {
  @Field(() => ID) residentId!: string;
  @Field() tag!: string;
}

@Resolver()
export class UntagVulnerableGroupResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ResidentPresenter) private readonly presenter: ResidentPresenter,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => ResidentType)
  async untagVulnerableGroup(
    @Args('input') input: UntagVulnerableGroupInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<ResidentType> {
    const data = {
      residentId: requireUuid(input.residentId, 'input.residentId'),
      tagCode: requireEnum(input.tag, VULNERABLE_GROUP_CODES, 'input.tag'),
    };
    const { state, checkpoint } = await this.commands.execute(new UntagVulnerableGroupCommand(data, context));
    if (state.status === 'empty') throw new Error('resident missing after UntagVulnerableGroup');
    // Personal fields of a resident not moved in by this command come from the directory (ResidentPresenter).
    await this.readYourWrites.waitFor(['community-directory'], checkpoint, 'untagVulnerableGroup');
    const [resident] = await this.presenter.present(actor, [residentFromState(state)]);
    return resident!;
  }
}
