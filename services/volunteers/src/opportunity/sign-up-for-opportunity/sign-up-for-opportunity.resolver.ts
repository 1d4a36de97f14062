import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { MutationContext, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OpportunityType } from '../opportunity.graphql.js';
import { OpportunityCommands } from '../opportunity-commands.js';
import { SignUpForOpportunityCommand } from './sign-up-for-opportunity.handler.js';

@InputType()
export class SignUpForOpportunityInput {
  @Field(() => ID) opportunityId!: string;
  @Field(() => ID) volunteerId!: string;
}

@Resolver()
export class SignUpForOpportunityResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands,
  ) {}

  @Mutation(() => OpportunityType, { description: 'Quiet when already signed up. CONFLICT when full, ended or cancelled; NOT_FOUND / CONFLICT for an unknown or suspended volunteer.' })
  async signUpForOpportunity(@Args('input') input: SignUpForOpportunityInput, @MutationContext() context: CommandContext, @CurrentActor() actor: Actor): Promise<OpportunityType> {
    const data = {
      opportunityId: requireUuid(input.opportunityId, 'input.opportunityId'),
      volunteerId: requireUuid(input.volunteerId, 'input.volunteerId'),
    };
    const written = await this.commands.execute(new SignUpForOpportunityCommand(data, context));
    return this.opportunities.present(actor, data.opportunityId, written, 'signUpForOpportunity');
  }
}
