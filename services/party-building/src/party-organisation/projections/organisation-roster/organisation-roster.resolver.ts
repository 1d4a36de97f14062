import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { Jurisdiction, requireUuid } from '@cogov/service-kit';
import { assertCovers } from '../../../infrastructure/access.js';
import { PartyOrganisationType } from '../../party-organisation.graphql.js';
import { PartyOrganisationReader } from '../../party-organisation.reader.js';

@Resolver()
export class OrganisationRosterResolver {
  constructor(
    @Inject(PartyOrganisationReader) private readonly reader: PartyOrganisationReader,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Query(() => PartyOrganisationType, { description: 'A party organisation with its first secretary, cadres and service centres.' })
  async partyOrganisation(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<PartyOrganisationType> {
    const organisation = await this.reader.read(actor, requireUuid(id, 'id'), (communityId) => assertCovers(this.jurisdiction, actor, communityId));
    if (!organisation) throw new NotFoundError('party organisation', id);
    return organisation;
  }
}
