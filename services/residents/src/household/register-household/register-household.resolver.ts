import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { uuidv7 } from '@cogov/eventsourcing';
import { type CommandContext, MutationContext, ReadYourWrites, requireText, requireUuid } from '@cogov/service-kit';
import { HouseholdType, householdFromState } from '../household.graphql.js';
import { RegisterHouseholdCommand } from './register-household.handler.js';

@InputType()
export class AddressInput {
  @Field() compound!: string;
  @Field() building!: string;
  @Field() unit!: string;
  @Field() room!: string;
}

@InputType()
export class RegisterHouseholdInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ID) gridId!: string;
  @Field(() => AddressInput) address!: AddressInput;
}

@Resolver()
export class RegisterHouseholdResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => HouseholdType)
  async registerHousehold(@Args('input') input: RegisterHouseholdInput, @MutationContext() context: CommandContext): Promise<HouseholdType> {
    const data = {
      householdId: uuidv7(),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      gridId: requireUuid(input.gridId, 'input.gridId'),
      address: {
        compound: requireText(input.address.compound, 'input.address.compound', { max: 60 }),
        building: requireText(input.address.building, 'input.address.building', { max: 20 }),
        unit: requireText(input.address.unit, 'input.address.unit', { max: 20 }),
        room: requireText(input.address.room, 'input.address.room', { max: 20 }),
      },
    };
    const { state, checkpoint } = await this.commands.execute(new RegisterHouseholdCommand(data, context));
    if (state.status !== 'registered') throw new Error('household missing after RegisterHousehold');
    // The answer needs no read model, but the caller's next query (household, community counts) must show it.
    await this.readYourWrites.waitFor(['community-directory'], checkpoint, 'registerHousehold');
    return householdFromState(state);
  }
}
