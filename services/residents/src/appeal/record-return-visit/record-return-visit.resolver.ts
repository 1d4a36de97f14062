import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { type CommandContext, MutationContext, requireEnum, requireText, requireUuid } from '@cogov/service-kit';
import { SATISFACTION_RATINGS } from '../appeal.events.js';
import { AppealCommands } from '../appeal-commands.js';
import { AppealType } from '../appeal.graphql.js';
import { RecordReturnVisitCommand } from './record-return-visit.handler.js';

@InputType()
export class RecordReturnVisitInput {
  @Field(() => ID) appealId!: string;
  @Field({ description: 'satisfied | basically_satisfied | unsatisfied' }) rating!: string;
  @Field({ defaultValue: '' }) comment!: string;
}

@Resolver()
export class RecordReturnVisitResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AppealCommands) private readonly appeals: AppealCommands,
  ) {}

  @Mutation(() => AppealType)
  async recordReturnVisit(
    @Args('input') input: RecordReturnVisitInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<AppealType> {
    const data = {
      appealId: requireUuid(input.appealId, 'input.appealId'),
      rating: requireEnum(input.rating, SATISFACTION_RATINGS, 'input.rating'),
      comment: requireText(input.comment, 'input.comment', { min: 0, max: 500 }),
    };
    return this.appeals.present(actor, await this.commands.execute(new RecordReturnVisitCommand(data, context)), 'recordReturnVisit');
  }
}
