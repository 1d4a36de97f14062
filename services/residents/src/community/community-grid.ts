import type { AggregateStore } from '@cogov/eventsourcing';
import { NotFoundError } from '@cogov/domain';
import { communityDecider } from './community.decide.js';
import { communityStreamId } from './community.events.js';

/**
 * The cross-aggregate fact that households and appeals leave to the shell: the community exists and the grid
 * (when one is named) is one of its grids. Read from the community's stream, never from a read model that
 * may not have caught up with a grid delineated a moment ago.
 */
export async function requireCommunityGrid(aggregates: AggregateStore, communityId: string, gridId: string | null): Promise<void> {
  const { state } = await aggregates.load(communityStreamId(communityId), communityDecider);
  if (state.status !== 'registered') throw new NotFoundError('community', communityId);
  if (gridId !== null && !state.grids[gridId]) throw new NotFoundError('grid', gridId);
}
