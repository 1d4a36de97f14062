import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { ValidationError } from '@cogov/domain';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, requireInt, requireText, requireUuid, SERVICE_CONFIG, type CommandContext } from '@cogov/service-kit';
import type { OrganisationsConfig } from '../../infrastructure/config.js';
import { PairingCommands } from '../pairing-commands.js';
import { PairingType } from '../pairing.graphql.js';
import { EstablishPairingCommand } from './establish-pairing.handler.js';

@InputType()
export class EstablishPairingInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => [String], { description: 'What the unit commits to (at least one, distinct).' }) commitments!: string[];
  @Field(() => Int, { description: 'Support fund pledged, in fen; at least the configured minimum (default 500,000 fen = 5,000 yuan).' })
  pledgedFen!: number;
}

@Resolver()
export class EstablishPairingResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PairingCommands) private readonly pairings: PairingCommands,
    @Inject(SERVICE_CONFIG) private readonly config: OrganisationsConfig,
  ) {}

  @Mutation(() => PairingType)
  async establishPairing(@Args('input') input: EstablishPairingInput, @MutationContext() context: CommandContext): Promise<PairingType> {
    if (!Array.isArray(input.commitments) || input.commitments.length === 0 || input.commitments.length > 20) {
      throw new ValidationError('input.commitments', 'input.commitments must list 1 to 20 commitments');
    }
    const commitments = input.commitments.map((c, i) => requireText(c, `input.commitments[${i}]`, { max: 200 }));
    if (new Set(commitments).size !== commitments.length) throw new ValidationError('input.commitments', 'input.commitments must be distinct');
    const data = {
      pairingId: uuidv7(),
      organisationId: requireUuid(input.organisationId, 'input.organisationId'),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      commitments,
      // The same minimum the domain holds, checked here to name the client's field.
      pledgedFen: requireInt(input.pledgedFen, 'input.pledgedFen', this.config.minimumPledgeFen, 2_147_483_647),
    };
    return this.pairings.present(await this.commands.execute(new EstablishPairingCommand(data, context)), 'establishPairing');
  }
}
