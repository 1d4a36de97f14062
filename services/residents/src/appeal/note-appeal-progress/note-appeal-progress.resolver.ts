import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { type CommandContext, MutationContext, requireText, requireUuid } from '@cogov/service-kit';
import { AppealCommands } from '../appeal-commands.js';
import { AppealType } from '../appeal.graphql.js';
import { NoteAppealProgressCommand } from './note-appeal-progress.handler.js';

@InputType()
export class NoteAppealProgressInput {
  @Field(() => ID) appealId!: string;
  @Field() note!: string;
}

@Resolver()
export class NoteAppealProgressResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AppealCommands) private readonly appeals: AppealCommands,
  ) {}

  @Mutation(() => AppealType)
  async noteAppealProgress(
    @Args('input') input: NoteAppealProgressInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<AppealType> {
    const data = {
      appealId: requireUuid(input.appealId, 'input.appealId'),
      note: requireText(input.note, 'input.note', { max: 1000 }),
    };
    return this.appeals.present(actor, await this.commands.execute(new NoteAppealProgressCommand(data, context)), 'noteAppealProgress');
  }
}
