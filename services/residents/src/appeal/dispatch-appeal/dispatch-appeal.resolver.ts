import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { type CommandContext, MutationContext, requireEnum, requireExternalId, requireUuid } from '@cogov/service-kit';
import { STAKEHOLDER_KINDS } from '../appeal.events.js';
import { AppealCommands } from '../appeal-commands.js';
import { AppealType } from '../appeal.graphql.js';
import { DispatchAppealCommand } from './dispatch-appeal.handler.js';

@InputType()
export class StakeholderInput {
  @Field({ description: 'residents_committee | property_company | organisation | volunteer_team | party_organisation | street_office | agency' })
  kind!: string;
  @Field(() => ID) id!: string;
}

@InputType()
export class DispatchAppealInput {
  @Field(() => ID) appealId!: string;
  @Field(() => StakeholderInput) stakeholder!: StakeholderInput;
}

@Resolver()
export class DispatchAppealResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AppealCommands) private readonly appeals: AppealCommands,
  ) {}

  @Mutation(() => AppealType)
  async dispatchAppeal(
    @Args('input') input: DispatchAppealInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<AppealType> {
    const data = {
      appealId: requireUuid(input.appealId, 'input.appealId'),
      stakeholder: {
        kind: requireEnum(input.stakeholder.kind, STAKEHOLDER_KINDS, 'input.stakeholder.kind'),
        id: requireExternalId(input.stakeholder.id, 'input.stakeholder.id'),
      },
    };
    return this.appeals.present(actor, await this.commands.execute(new DispatchAppealCommand(data, context)), 'dispatchAppeal');
  }
}
