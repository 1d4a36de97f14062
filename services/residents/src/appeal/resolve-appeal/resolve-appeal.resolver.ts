import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { type CommandContext, MutationContext, requireText, requireUuid } from '@cogov/service-kit';
import { AppealCommands } from '../appeal-commands.js';
import { AppealType } from '../appeal.graphql.js';
import { ResolveAppealCommand } from './resolve-appeal.handler.js';

@InputType()
export class ResolveAppealInput {
  @Field(() => ID) appealId!: string;
  @Field() resolution!: string;
}

@Resolver()
export class ResolveAppealResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AppealCommands) private readonly appeals: AppealCommands,
  ) {}

  @Mutation(() => AppealType)
  async resolveAppeal(
    @Args('input') input: ResolveAppealInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<AppealType> {
    const data = {
      appealId: requireUuid(input.appealId, 'input.appealId'),
      resolution: requireText(input.resolution, 'input.resolution', { max: 1000 }),
    };
    return this.appeals.present(actor, await this.commands.execute(new ResolveAppealCommand(data, context)), 'resolveAppeal');
  }
}
