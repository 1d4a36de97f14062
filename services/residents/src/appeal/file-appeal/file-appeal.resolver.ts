import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { uuidv7 } from '@cogov/eventsourcing';
import { type CommandContext, MutationContext, optionalUuid, requireEnum, requireText, requireUuid } from '@cogov/service-kit';
import { APPEAL_CHANNELS } from '../appeal.events.js';
import { AppealCommands } from '../appeal-commands.js';
import { AppealType } from '../appeal.graphql.js';
import { FileAppealCommand } from './file-appeal.handler.js';

@InputType()
export class FileAppealInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ID, { nullable: true }) gridId?: string | null;
  @Field({ description: 'hotline | visit | app | suggestion_box | grid_patrol' }) channel!: string;
  @Field({ description: "A configured category code, e.g. 'utilities.water'." }) category!: string;
  @Field() description!: string;
  @Field() location!: string;
  @Field(() => ID, { nullable: true }) householdId?: string | null;
  @Field(() => ID, { nullable: true }) residentId?: string | null;
}

@Resolver()
export class FileAppealResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AppealCommands) private readonly appeals: AppealCommands,
  ) {}

  @Mutation(() => AppealType)
  async fileAppeal(
    @Args('input') input: FileAppealInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<AppealType> {
    const data = {
      appealId: uuidv7(),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      gridId: optionalUuid(input.gridId, 'input.gridId'),
      channel: requireEnum(input.channel, APPEAL_CHANNELS, 'input.channel'),
      category: requireText(input.category, 'input.category', { max: 60 }),
      description: requireText(input.description, 'input.description', { max: 2000 }),
      location: requireText(input.location, 'input.location', { max: 200 }),
      householdId: optionalUuid(input.householdId, 'input.householdId'),
      residentId: optionalUuid(input.residentId, 'input.residentId'),
    };
    return this.appeals.present(actor, await this.commands.execute(new FileAppealCommand(data, context)), 'fileAppeal');
  }
}
