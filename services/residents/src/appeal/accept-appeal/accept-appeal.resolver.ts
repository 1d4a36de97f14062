import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { type CommandContext, MutationContext, requireUuid } from '@cogov/service-kit';
import { AppealCommands } from '../appeal-commands.js';
import { AppealType } from '../appeal.graphql.js';
import { AcceptAppealCommand } from './accept-appeal.handler.js';

@InputType()
export class AcceptAppealInput {
  @Field(() => ID) appealId!: string;
}

@Resolver()
export class AcceptAppealResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AppealCommands) private readonly appeals: AppealCommands,
  ) {}

  @Mutation(() => AppealType)
  async acceptAppeal(
    @Args('input') input: AcceptAppealInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<AppealType> {
    const data = {
      appealId: requireUuid(input.appealId, 'input.appealId'),
    };
    return this.appeals.present(actor, await this.commands.execute(new AcceptAppealCommand(data, context)), 'acceptAppeal');
  }
}
