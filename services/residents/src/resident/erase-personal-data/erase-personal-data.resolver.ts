import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { type CommandContext, MutationContext, ReadYourWrites, requireUuid } from '@cogov/service-kit';
import { ResidentType, residentFromState } from '../resident.graphql.js';
import { ResidentPresenter } from '../resident.presenter.js';
import { ErasePersonalDataCommand } from './erase-personal-data.handler.js';

@InputType()
export class ErasePersonalDataInput {
  @Field(() => ID) residentId!: string;
}

@Resolver()
export class ErasePersonalDataResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ResidentPresenter) private readonly presenter: ResidentPresenter,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => ResidentType)
  async erasePersonalData(
    @Args('input') input: ErasePersonalDataInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<ResidentType> {
    const data = {
      residentId: requireUuid(input.residentId, 'input.residentId'),
    };
    const { state, checkpoint } = await this.commands.execute(new ErasePersonalDataCommand(data, context));
    if (state.status === 'empty') throw new Error('resident missing after ErasePersonalData');
    // Personal fields of a resident not moved in by this command come from the directory (ResidentPresenter).
    await this.readYourWrites.waitFor(['community-directory'], checkpoint, 'erasePersonalData');
    const [resident] = await this.presenter.present(actor, [residentFromState(state)]);
    return resident!;
  }
}
