import { coversCommunity, coversGrid, type Actor } from '@cogov/auth';
import { ForbiddenError } from './errors.js';
import { isSystemActor, type CommandActor } from './request-context.js';

/** Where a community lies: the id of its street (街道), or undefined for a community not (yet) known. */
export type StreetLookup = (communityId: string) => Promise<string | undefined>;

export interface Place {
  communityId: string;
  gridId?: string | null;
  /** Known to the caller (a community being registered): spares the lookup. */
  streetId?: string;
}

/**
 * Jurisdiction checks need the street of a community (street-wide roles are matched on it). A community's
 * street never changes, so each service looks it up once from its own source of truth (`StreetLookup`:
 * the residents service reads the community's stream; other contexts their copy of it) and keeps it in memory.
 */
export class Jurisdiction {
  private readonly streets = new Map<string, string>();

  constructor(private readonly lookup: StreetLookup) {}

  async streetOf(communityId: string): Promise<string | undefined> {
    const known = this.streets.get(communityId);
    if (known) return known;
    const streetId = await this.lookup(communityId);
    if (streetId !== undefined) this.streets.set(communityId, streetId);
    return streetId;
  }

  /** Throws ForbiddenError unless the actor covers the place; system actors always do. */
  async assert(actor: CommandActor, place: Place): Promise<void> {
    if (isSystemActor(actor)) return;
    if (!(await this.covers(actor, place))) {
      throw new ForbiddenError(`you may not act in community ${place.communityId}${place.gridId ? ` grid ${place.gridId}` : ''}`);
    }
  }

  async covers(actor: Actor, place: Place): Promise<boolean> {
    const streetId = place.streetId ?? (await this.streetOf(place.communityId));
    return place.gridId
      ? coversGrid(actor, place.gridId, place.communityId, streetId)
      : coversCommunity(actor, place.communityId, streetId);
  }
}
