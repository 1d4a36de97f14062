import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { PairingCommands } from '../pairing-commands.js';
import { PairingType } from '../pairing.graphql.js';
import { EndPairingCommand } from './end-pairing.handler.js';

@InputType()
export class EndPairingInput {
  @Field(() => ID) pairingId!: string;
  @Field() reason!: string;
}

@Resolver()
export class EndPairingResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PairingCommands) private readonly pairings: PairingCommands,
  ) {}

  @Mutation(() => PairingType, {
    description: 'Ends a pairing (终止结对): it takes no more themes, activities, disbursements or pledge changes; ending twice answers CONFLICT.',
  })
  async endPairing(@Args('input') input: EndPairingInput, @MutationContext() context: CommandContext): Promise<PairingType> {
    const data = { pairingId: requireUuid(input.pairingId, 'input.pairingId'), reason: requireText(input.reason, 'input.reason', { max: 200 }) };
    return this.pairings.present(await this.commands.execute(new EndPairingCommand(data, context)), 'endPairing');
  }
}
