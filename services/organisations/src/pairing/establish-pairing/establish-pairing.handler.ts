import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '@cogov/eventsourcing';
import { Jurisdiction, type CommandContext, type Written } from '@cogov/service-kit';
import { requireOrganisation } from '../../organisation/organisation-lookup.js';
import type { EstablishPairing } from '../pairing.decide.js';
import { PairingCommands } from '../pairing-commands.js';
import type { PairingState } from '../pairing.state.js';

export class EstablishPairingCommand extends Command<Written<PairingState>> {
  constructor(
    readonly data: EstablishPairing['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(EstablishPairingCommand)
export class EstablishPairingHandler implements ICommandHandler<EstablishPairingCommand> {
  constructor(
    @Inject(PairingCommands) private readonly pairings: PairingCommands,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  async execute({ data, context }: EstablishPairingCommand): Promise<Written<PairingState>> {
    // Jurisdiction before the lookup: nobody learns which organisations exist outside their communities.
    await this.jurisdiction.assert(context.actor, { communityId: data.communityId });
    await requireOrganisation(this.aggregates, data.organisationId);
    return this.pairings.run(data.pairingId, context, (metadata) => ({ type: 'EstablishPairing', data, metadata }), data.communityId);
  }
}
