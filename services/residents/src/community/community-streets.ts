import type { AggregateStore } from '@cogov/eventsourcing';
import type { StreetLookup } from '@cogov/service-kit';
import { communityDecider } from './community.decide.js';
import { communityStreamId } from './community.events.js';

/**
 * The street of a community, read from the community's own stream — not from a read model that may lag
 * behind a community registered a moment ago. The kit's Jurisdiction keeps it in memory.
 */
export function communityStreets(aggregates: AggregateStore): StreetLookup {
  return async (communityId) => {
    const { state } = await aggregates.load(communityStreamId(communityId), communityDecider);
    return state.status === 'registered' ? state.streetId : undefined;
  };
}
