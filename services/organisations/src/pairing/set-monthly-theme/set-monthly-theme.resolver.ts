import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireMonth, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { PairingCommands } from '../pairing-commands.js';
import { PairingType } from '../pairing.graphql.js';
import { SetMonthlyThemeCommand } from './set-monthly-theme.handler.js';

@InputType()
export class SetMonthlyThemeInput {
  @Field(() => ID) pairingId!: string;
  @Field({ description: 'YYYY-MM (Asia/Shanghai).' }) month!: string;
  @Field({ description: 'e.g. 尊师重教; replaceable until the month has an activity.' }) theme!: string;
}

@Resolver()
export class SetMonthlyThemeResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PairingCommands) private readonly pairings: PairingCommands,
  ) {}

  @Mutation(() => PairingType)
  async setMonthlyTheme(@Args('input') input: SetMonthlyThemeInput, @MutationContext() context: CommandContext): Promise<PairingType> {
    requireMonth(input.month, 'input.month');
    const data = {
      pairingId: requireUuid(input.pairingId, 'input.pairingId'),
      month: input.month,
      theme: requireText(input.theme, 'input.theme', { max: 50 }),
    };
    return this.pairings.present(await this.commands.execute(new SetMonthlyThemeCommand(data, context)), 'setMonthlyTheme');
  }
}
