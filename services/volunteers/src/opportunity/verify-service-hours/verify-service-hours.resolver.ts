import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { MutationContext, requireInt, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OpportunityType } from '../opportunity.graphql.js';
import { OpportunityCommands } from '../opportunity-commands.js';
import { VerifyServiceHoursCommand } from './verify-service-hours.handler.js';

@InputType()
export class VerifyServiceHoursInput {
  @Field(() => ID) opportunityId!: string;
  @Field(() => ID) volunteerId!: string;
  @Field(() => Int) servedMinutes!: number;
}

@Resolver()
export class VerifyServiceHoursResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands,
  ) {}

  @Mutation(() => OpportunityType, { description: 'The organiser confirms the minutes actually served, at most the minutes present.' })
  async verifyServiceHours(@Args('input') input: VerifyServiceHoursInput, @MutationContext() context: CommandContext, @CurrentActor() actor: Actor): Promise<OpportunityType> {
    const data = {
      opportunityId: requireUuid(input.opportunityId, 'input.opportunityId'),
      volunteerId: requireUuid(input.volunteerId, 'input.volunteerId'),
      servedMinutes: requireInt(input.servedMinutes, 'input.servedMinutes', 1, 24 * 60),
    };
    const written = await this.commands.execute(new VerifyServiceHoursCommand(data, context));
    return this.opportunities.present(actor, data.opportunityId, written, 'verifyServiceHours');
  }
}
