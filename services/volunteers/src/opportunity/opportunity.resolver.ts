import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { requireUuid } from '@cogov/service-kit';
import { OpportunityType } from './opportunity.graphql.js';
import { OpportunityReader } from './opportunity-reader.js';

@Resolver()
export class OpportunityQueriesResolver {
  constructor(@Inject(OpportunityReader) private readonly reader: OpportunityReader) {}

  @Query(() => OpportunityType)
  opportunity(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<OpportunityType> {
    return this.reader.opportunity(actor, requireUuid(id, 'id'));
  }
}
