import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { type CommandContext, MutationContext, requireText, requireUuid } from '@cogov/service-kit';
import { AppealCommands } from '../appeal-commands.js';
import { AppealType } from '../appeal.graphql.js';
import { ReopenAppealCommand } from './reopen-appeal.handler.js';

@InputType()
export class ReopenAppealInput {
  @Field(() => ID) appealId!: string;
  @Field() reason!: string;
}

@Resolver()
export class ReopenAppealResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AppealCommands) private readonly appeals: AppealCommands,
  ) {}

  @Mutation(() => AppealType)
  async reopenAppeal(
    @Args('input') input: ReopenAppealInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<AppealType> {
    const data = {
      appealId: requireUuid(input.appealId, 'input.appealId'),
      reason: requireText(input.reason, 'input.reason', { max: 500 }),
    };
    return this.appeals.present(actor, await this.commands.execute(new ReopenAppealCommand(data, context)), 'reopenAppeal');
  }
}
