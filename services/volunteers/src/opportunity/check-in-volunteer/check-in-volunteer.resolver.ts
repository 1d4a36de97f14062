import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { requireUtcInstant } from '@cogov/domain';
import { MutationContext, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OpportunityType } from '../opportunity.graphql.js';
import { OpportunityCommands } from '../opportunity-commands.js';
import { CheckInVolunteerCommand } from './check-in-volunteer.handler.js';

@InputType()
export class CheckInVolunteerInput {
  @Field(() => ID) opportunityId!: string;
  @Field(() => ID) volunteerId!: string;
  @Field(() => String, { nullable: true, description: 'UTC time on the sign-in sheet, when staff enter it afterwards (补录); default now, never in the future.' })
  checkedInAt?: string | null;
}

@Resolver()
export class CheckInVolunteerResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands,
  ) {}

  @Mutation(() => OpportunityType, { description: 'Open from an hour before the start until the end.' })
  async checkInVolunteer(@Args('input') input: CheckInVolunteerInput, @MutationContext() context: CommandContext, @CurrentActor() actor: Actor): Promise<OpportunityType> {
    const data = {
      opportunityId: requireUuid(input.opportunityId, 'input.opportunityId'),
      volunteerId: requireUuid(input.volunteerId, 'input.volunteerId'),
      checkedInAt: input.checkedInAt == null ? null : requireUtcInstant(input.checkedInAt, 'input.checkedInAt'),
    };
    const written = await this.commands.execute(new CheckInVolunteerCommand(data, context));
    return this.opportunities.present(actor, data.opportunityId, written, 'checkInVolunteer');
  }
}
