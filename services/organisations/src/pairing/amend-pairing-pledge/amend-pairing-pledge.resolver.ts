import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireInt, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { PairingCommands } from '../pairing-commands.js';
import { PairingType } from '../pairing.graphql.js';
import { AmendPairingPledgeCommand } from './amend-pairing-pledge.handler.js';

@InputType()
export class AmendPairingPledgeInput {
  @Field(() => ID) pairingId!: string;
  @Field(() => Int, { description: 'The new pledge in fen: at least the minimum pledge and what was disbursed already.' }) pledgedFen!: number;
  @Field() reason!: string;
}

@Resolver()
export class AmendPairingPledgeResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PairingCommands) private readonly pairings: PairingCommands,
  ) {}

  @Mutation(() => PairingType, { description: 'Changes the pledged support fund (调整认捐); quiet when it already is this amount, CONFLICT below what was disbursed.' })
  async amendPairingPledge(@Args('input') input: AmendPairingPledgeInput, @MutationContext() context: CommandContext): Promise<PairingType> {
    const data = {
      pairingId: requireUuid(input.pairingId, 'input.pairingId'),
      pledgedFen: requireInt(input.pledgedFen, 'input.pledgedFen', 0, 2_147_483_647),
      reason: requireText(input.reason, 'input.reason', { max: 200 }),
    };
    return this.pairings.present(await this.commands.execute(new AmendPairingPledgeCommand(data, context)), 'amendPairingPledge');
  }
}
