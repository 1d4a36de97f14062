import { coversCommunity, coversGrid, type Actor } from '@cogov/auth';
import type { AggregateStore } from '@cogov/eventsourcing';
import { communityDecider } from '../community/community.decide.js';
import { communityStreamId } from '../community/community.events.js';
import { ForbiddenError } from './shell-errors.js';
import { isSystemActor, type CommandActor } from './request-context.js';

/**
 * Jurisdiction checks need the street of a community (street-wide roles are matched on it). A community's
 * street never changes, so it is read once from the community's own stream — not from a read model that
 * may lag behind a community registered a moment ago — and kept in memory.
 */
export class Jurisdiction {
  private readonly streets = new Map<string, string>();

  constructor(private readonly aggregates: AggregateStore) {}

  async streetOf(communityId: string): Promise<string | undefined> {
    const known = this.streets.get(communityId);
    if (known) return known;
    const { state } = await this.aggregates.load(communityStreamId(communityId), communityDecider);
    if (state.status !== 'registered') return undefined;
    this.streets.set(communityId, state.streetId);
    return state.streetId;
  }

  /** Throws ForbiddenError unless the actor covers the place; system actors always do. */
  async assert(actor: CommandActor, place: { communityId: string; gridId?: string | null; streetId?: string }): Promise<void> {
    if (isSystemActor(actor)) return;
    if (!(await this.covers(actor, place))) {
      throw new ForbiddenError(`you may not act in community ${place.communityId}${place.gridId ? ` grid ${place.gridId}` : ''}`);
    }
  }

  async covers(actor: Actor, place: { communityId: string; gridId?: string | null; streetId?: string }): Promise<boolean> {
    const streetId = place.streetId ?? (await this.streetOf(place.communityId));
    return place.gridId
      ? coversGrid(actor, place.gridId, place.communityId, streetId)
      : coversCommunity(actor, place.communityId, streetId);
  }
}
