import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, requireInt, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { PairingCommands } from '../pairing-commands.js';
import { PairingType } from '../pairing.graphql.js';
import { DisburseSupportFundCommand } from './disburse-support-fund.handler.js';

@InputType()
export class DisburseSupportFundInput {
  @Field(() => ID) pairingId!: string;
  @Field(() => Int, { description: 'In fen; the running total never exceeds the pledge.' }) amountFen!: number;
  @Field() purpose!: string;
}

@Resolver()
export class DisburseSupportFundResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PairingCommands) private readonly pairings: PairingCommands,
  ) {}

  @Mutation(() => PairingType, { description: 'Disburses from the pledged support fund; more than the pledge left answers CONFLICT.' })
  async disburseSupportFund(@Args('input') input: DisburseSupportFundInput, @MutationContext() context: CommandContext): Promise<PairingType> {
    const data = {
      pairingId: requireUuid(input.pairingId, 'input.pairingId'),
      disbursementId: uuidv7(),
      amountFen: requireInt(input.amountFen, 'input.amountFen', 1, 2_147_483_647),
      purpose: requireText(input.purpose, 'input.purpose', { max: 200 }),
    };
    return this.pairings.present(await this.commands.execute(new DisburseSupportFundCommand(data, context)), 'disburseSupportFund');
  }
}
