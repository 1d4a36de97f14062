import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { type CommandContext, MutationContext, ReadYourWrites, requireEnum, requireUuid } from '@cogov/service-kit';
import { VULNERABLE_GROUP_CODES } from '../resident.events.js';
import { ResidentType, residentFromState } from '../resident.graphql.js';
import { ResidentPresenter } from '../resident.presenter.js';
import { TagVulnerableGroupCommand } from './tag-vulnerable-group.handler.js';

@InputType()
export class TagVulnerableGroupInput {
  @Field(() => ID) residentId!: string;
  @Field({ description: 'low_income | special_care | disabled | elderly_living_alone | left_behind_child | three_nos | unemployed_4050' })
  tag!: string;
}

@Resolver()
export class TagVulnerableGroupResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ResidentPresenter) private readonly presenter: ResidentPresenter,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => ResidentType)
  async tagVulnerableGroup(
    @Args('input') input: TagVulnerableGroupInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<ResidentType> {
    const data = {
      residentId: requireUuid(input.residentId, 'input.residentId'),
      tagCode: requireEnum(input.tag, VULNERABLE_GROUP_CODES, 'input.tag'),
    };
    const { state, checkpoint } = await this.commands.execute(new TagVulnerableGroupCommand(data, context));
    if (state.status === 'empty') throw new Error('resident missing after TagVulnerableGroup');
    // Personal fields of a resident not moved in by this command come from the directory (ResidentPresenter).
    await this.readYourWrites.waitFor(['community-directory'], checkpoint, 'tagVulnerableGroup');
    const [resident] = await this.presenter.present(actor, [residentFromState(state)]);
    return resident!;
  }
}
