import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { MutationContext, requireUuid, type CommandContext } from '@cogov/service-kit';
import { HouseholdContactType } from '../household-contact.graphql.js';
import { HouseholdContactReader } from '../household-contact.reader.js';
import { AssignHouseholdContactCommand } from './assign-household-contact.handler.js';

@InputType()
export class AssignHouseholdContactInput {
  @Field(() => ID, { description: 'The household (residents context).' }) householdId!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => ID, { description: 'A party member registered at this community; another member hands the household over.' }) memberId!: string;
}

@Resolver()
export class AssignHouseholdContactResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(HouseholdContactReader) private readonly contacts: HouseholdContactReader,
  ) {}

  @Mutation(() => HouseholdContactType, { description: 'Assigns a household to a party member for regular contact (分片包户).' })
  async assignHouseholdContact(
    @Args('input') input: AssignHouseholdContactInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<HouseholdContactType> {
    const data = {
      householdId: requireUuid(input.householdId, 'input.householdId'),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      memberId: requireUuid(input.memberId, 'input.memberId'),
    };
    const { checkpoint } = await this.commands.execute(new AssignHouseholdContactCommand(data, context));
    return this.contacts.afterWrite(actor, data.householdId, checkpoint, 'assignHouseholdContact');
  }
}
