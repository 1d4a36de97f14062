import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { Jurisdiction, ReadModels, requireUuid } from '@cogov/service-kit';
import { assertCovers } from '../../../infrastructure/access.js';
import { HouseholdContactType } from '../../household-contact.graphql.js';
import { HouseholdContactReader } from '../../household-contact.reader.js';
import { HouseholdContactRow } from './household-contacts.entity.js';

@Resolver()
export class HouseholdContactsResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(HouseholdContactReader) private readonly contacts: HouseholdContactReader,
  ) {}

  @Query(() => [HouseholdContactType], { description: 'Households of the community in contact (分片包户): member and latest visit.' })
  async householdContacts(@Args('communityId', { type: () => ID }) communityId: string, @CurrentActor() actor: Actor): Promise<HouseholdContactType[]> {
    const community = requireUuid(communityId, 'communityId');
    await assertCovers(this.jurisdiction, actor, community);
    const rows = await this.readModels.em().find(HouseholdContactRow, { communityId: community }, { orderBy: { householdId: 'asc' } });
    return this.contacts.present(actor, rows);
  }
}
