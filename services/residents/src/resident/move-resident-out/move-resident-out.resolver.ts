import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { type CommandContext, MutationContext, ReadYourWrites, requireDate, requireEnum, requireUuid } from '@cogov/service-kit';
import { MOVE_OUT_REASONS } from '../resident.events.js';
import { ResidentType, residentFromState } from '../resident.graphql.js';
import { ResidentPresenter } from '../resident.presenter.js';
import { MoveResidentOutCommand } from './move-resident-out.handler.js';

@InputType()
export class MoveResidentOutInput {
  @Field(() => ID) residentId!: string;
  @Field({ description: 'YYYY-MM-DD, Asia/Shanghai calendar date.' }) movedOutOn!: string;
  @Field({ description: 'relocated | deceased | other' }) reason!: string;
}

@Resolver()
export class MoveResidentOutResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ResidentPresenter) private readonly presenter: ResidentPresenter,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => ResidentType)
  async moveResidentOut(
    @Args('input') input: MoveResidentOutInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<ResidentType> {
    const data = {
      residentId: requireUuid(input.residentId, 'input.residentId'),
      movedOutOn: requireDate(input.movedOutOn, 'input.movedOutOn'),
      reason: requireEnum(input.reason, MOVE_OUT_REASONS, 'input.reason'),
    };
    const { state, checkpoint } = await this.commands.execute(new MoveResidentOutCommand(data, context));
    if (state.status === 'empty') throw new Error('resident missing after MoveResidentOut');
    // Personal fields of a resident not moved in by this command come from the directory (ResidentPresenter).
    await this.readYourWrites.waitFor(['community-directory'], checkpoint, 'moveResidentOut');
    const [resident] = await this.presenter.present(actor, [residentFromState(state)]);
    return resident!;
  }
}
