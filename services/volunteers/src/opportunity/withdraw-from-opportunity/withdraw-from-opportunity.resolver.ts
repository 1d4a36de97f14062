import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { MutationContext, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { OpportunityType } from '../opportunity.graphql.js';
import { OpportunityCommands } from '../opportunity-commands.js';
import { WithdrawFromOpportunityCommand } from './withdraw-from-opportunity.handler.js';

@InputType()
export class WithdrawFromOpportunityInput {
  @Field(() => ID) opportunityId!: string;
  @Field(() => ID) volunteerId!: string;
  @Field() reason!: string;
}

@Resolver()
export class WithdrawFromOpportunityResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(OpportunityCommands) private readonly opportunities: OpportunityCommands,
  ) {}

  @Mutation(() => OpportunityType, {
    description: 'Gives up a place (退出) before check-in, freeing it for another volunteer; quiet when not signed up, CONFLICT once checked in.',
  })
  async withdrawFromOpportunity(@Args('input') input: WithdrawFromOpportunityInput, @MutationContext() context: CommandContext, @CurrentActor() actor: Actor): Promise<OpportunityType> {
    const data = {
      opportunityId: requireUuid(input.opportunityId, 'input.opportunityId'),
      volunteerId: requireUuid(input.volunteerId, 'input.volunteerId'),
      reason: requireText(input.reason, 'input.reason', { max: 200 }),
    };
    const written = await this.commands.execute(new WithdrawFromOpportunityCommand(data, context));
    return this.opportunities.present(actor, data.opportunityId, written, 'withdrawFromOpportunity');
  }
}
