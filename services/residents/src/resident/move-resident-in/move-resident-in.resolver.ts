import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@cogov/auth';
import { CurrentActor } from '@cogov/auth';
import { uuidv7 } from '@cogov/eventsourcing';
import { type CommandContext, MutationContext, ReadYourWrites, requireDate, requireIdNumber, requirePhone, requireText, requireUuid } from '@cogov/service-kit';
import { ResidentType, residentFromState } from '../resident.graphql.js';
import { ResidentPresenter } from '../resident.presenter.js';
import { MoveResidentInCommand } from './move-resident-in.handler.js';

@InputType()
export class MoveResidentInInput {
  @Field(() => ID) householdId!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => ID) gridId!: string;
  @Field() name!: string;
  @Field({ description: '18-character resident ID number (居民身份证号).' }) idNumber!: string;
  @Field() phone!: string;
  @Field({ description: 'YYYY-MM-DD, Asia/Shanghai calendar date.' }) movedInOn!: string;
}

@Resolver()
export class MoveResidentInResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ResidentPresenter) private readonly presenter: ResidentPresenter,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => ResidentType)
  async moveResidentIn(
    @Args('input') input: MoveResidentInInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<ResidentType> {
    const data = {
      residentId: uuidv7(),
      householdId: requireUuid(input.householdId, 'input.householdId'),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      gridId: requireUuid(input.gridId, 'input.gridId'),
      name: requireText(input.name, 'input.name', { max: 40 }),
      idNumber: requireIdNumber(input.idNumber, 'input.idNumber'),
      phone: requirePhone(input.phone, 'input.phone'),
      movedInOn: requireDate(input.movedInOn, 'input.movedInOn'),
    };
    const { state, checkpoint, encrypted } = await this.commands.execute(new MoveResidentInCommand(data, context));
    if (state.status === 'empty') throw new Error('resident missing after MoveResidentIn');
    // The answer needs no read model, but the caller's next query (the household, the community's
    // residents) must already show the new resident.
    await this.readYourWrites.waitFor(['community-directory'], checkpoint, 'moveResidentIn');
    const [resident] = await this.presenter.present(actor, [{ ...residentFromState(state), encrypted }]);
    return resident!;
  }
}
