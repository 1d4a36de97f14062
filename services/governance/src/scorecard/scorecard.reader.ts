import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { coversStreet, type Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { EVENT_STORE_POOL } from '@cogov/eventsourcing';
import { ForbiddenError, Jurisdiction } from '@cogov/service-kit';
import { figuresOf } from './scorecard.js';
import type { CommunityScorecardType, ScorecardType, StreetScorecardType } from './scorecard.graphql.js';
import { communityCounts, knownCommunities, type CommunityName } from './scorecard.queries.js';

/** The scorecards, with the jurisdiction checks of the read side. */
@Injectable()
export class ScorecardReader {
  constructor(
    @Inject(EVENT_STORE_POOL) private readonly pool: pg.Pool,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  async assertCommunity(actor: Actor, communityId: string): Promise<void> {
    if (!(await this.jurisdiction.covers(actor, { communityId }))) {
      throw new ForbiddenError(`community ${communityId} is outside your jurisdiction`);
    }
  }

  assertStreet(actor: Actor, streetId: string): void {
    if (!coversStreet(actor, streetId)) throw new ForbiddenError(`street ${streetId} is outside your jurisdiction`);
  }

  async community(actor: Actor, communityId: string, asOf: Date): Promise<CommunityScorecardType> {
    await this.assertCommunity(actor, communityId);
    const [known] = (await knownCommunities(this.pool)).filter((c) => c.communityId === communityId);
    if (!known) throw new NotFoundError('Community', communityId);
    return { communityId, community: { id: communityId }, communityName: known.name, scorecard: await this.scorecard([communityId], asOf) };
  }

  async street(actor: Actor, streetId: string, asOf: Date): Promise<StreetScorecardType> {
    this.assertStreet(actor, streetId);
    const communities = await knownCommunities(this.pool, streetId);
    if (communities.length === 0) throw new NotFoundError('Street', streetId);
    const counts = await communityCounts(this.pool, communities.map((c) => c.communityId), asOf);
    const byId = new Map<string, CommunityName>(communities.map((c) => [c.communityId, c]));
    return {
      streetId,
      streetName: communities[0]!.streetName,
      total: this.present(figuresOf(counts), asOf),
      communities: counts.map((c) => ({
        communityId: c.communityId,
        community: { id: c.communityId },
        communityName: byId.get(c.communityId)!.name,
        scorecard: this.present(figuresOf([c]), asOf),
      })),
    };
  }

  async scorecard(communityIds: readonly string[], asOf: Date): Promise<ScorecardType> {
    return this.present(figuresOf(await communityCounts(this.pool, communityIds, asOf)), asOf);
  }

  private present(figures: ReturnType<typeof figuresOf>, asOf: Date): ScorecardType {
    return { asOf: asOf.toISOString(), since: new Date(asOf.getTime() - 365 * 86_400_000).toISOString(), ...figures };
  }
}
