import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { MutationContext, requireDate, requireEnum, requireUuid, type CommandContext } from '@cogov/service-kit';
import { CONTACT_VISIT_PURPOSES } from '../household-contact.events.js';
import { HouseholdContactType } from '../household-contact.graphql.js';
import { HouseholdContactReader } from '../household-contact.reader.js';
import { RecordContactVisitCommand } from './record-contact-visit.handler.js';

@InputType()
export class RecordContactVisitInput {
  @Field(() => ID) householdId!: string;
  @Field(() => ID, { description: "The household's contact member who made the visit." }) memberId!: string;
  @Field({ description: 'YYYY-MM-DD, Asia/Shanghai calendar date; not in the future.' }) visitedOn!: string;
  @Field({ description: `One of ${CONTACT_VISIT_PURPOSES.join(', ')}.` }) purpose!: string;
}

@Resolver()
export class RecordContactVisitResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(HouseholdContactReader) private readonly contacts: HouseholdContactReader,
  ) {}

  @Mutation(() => HouseholdContactType, { description: "Records a visit by the household's contact member; a repeated record is quiet." })
  async recordContactVisit(
    @Args('input') input: RecordContactVisitInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<HouseholdContactType> {
    const data = {
      householdId: requireUuid(input.householdId, 'input.householdId'),
      memberId: requireUuid(input.memberId, 'input.memberId'),
      visitedOn: requireDate(input.visitedOn, 'input.visitedOn'),
      purpose: requireEnum(input.purpose, CONTACT_VISIT_PURPOSES, 'input.purpose'),
    };
    const { checkpoint } = await this.commands.execute(new RecordContactVisitCommand(data, context));
    return this.contacts.afterWrite(actor, data.householdId, checkpoint, 'recordContactVisit');
  }
}
