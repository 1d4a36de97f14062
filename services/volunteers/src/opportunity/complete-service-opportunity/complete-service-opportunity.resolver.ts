import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { MutationContext, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OpportunityType } from '../opportunity.graphql.js';
import { OpportunityCommands } from '../opportunity-commands.js';
import { CompleteServiceOpportunityCommand } from './complete-service-opportunity.handler.js';

@InputType()
export class CompleteServiceOpportunityInput {
  @Field(() => ID) opportunityId!: string;
}

@Resolver()
export class CompleteServiceOpportunityResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands,
  ) {}

  @Mutation(() => OpportunityType, {
    description:
      'Completes an opportunity once every volunteer who came has verified hours (at least one). An opportunity published from an appeal resolves that appeal (workflow 2).',
  })
  async completeServiceOpportunity(
    @Args('input') input: CompleteServiceOpportunityInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<OpportunityType> {
    const data = { opportunityId: requireUuid(input.opportunityId, 'input.opportunityId') };
    const written = await this.commands.execute(new CompleteServiceOpportunityCommand(data, context));
    return this.opportunities.present(actor, data.opportunityId, written, 'completeServiceOpportunity');
  }
}
