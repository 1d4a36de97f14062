import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '@cogov/eventsourcing';
import { Jurisdiction, type CommandContext, type Written } from '@cogov/service-kit';
import { requireOrganisation } from '../../organisation/organisation-lookup.js';
import type { OfferSharedFacility } from '../facility.decide.js';
import { FacilityCommands } from '../facility-commands.js';
import type { FacilityState } from '../facility.state.js';

export class OfferSharedFacilityCommand extends Command<Written<FacilityState>> {
  constructor(
    readonly data: OfferSharedFacility['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(OfferSharedFacilityCommand)
export class OfferSharedFacilityHandler implements ICommandHandler<OfferSharedFacilityCommand> {
  constructor(
    @Inject(FacilityCommands) private readonly facilities: FacilityCommands,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
  ) {}

  async execute({ data, context }: OfferSharedFacilityCommand): Promise<Written<FacilityState>> {
    // Jurisdiction before the lookup: nobody learns which organisations exist outside their communities.
    await this.jurisdiction.assert(context.actor, { communityId: data.communityId });
    await requireOrganisation(this.aggregates, data.organisationId);
    return this.facilities.run(data.facilityId, context, (metadata) => ({ type: 'OfferSharedFacility', data, metadata }), data.communityId);
  }
}
