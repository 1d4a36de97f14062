import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { shanghaiDateOf } from '@cogov/domain';
import type { PairingRow } from './projections/community-pairings/community-pairings.entity.js';
import type { PairingState } from './pairing.state.js';

@ObjectType('PairingMonthlyTheme', { description: 'The theme of a month (每月一主题), e.g. 2026-09 尊师重教.' })
export class PairingMonthlyThemeType {
  @Field({ description: 'YYYY-MM, Asia/Shanghai.' }) month!: string;
  @Field() theme!: string;
}

@ObjectType('PairingReview', { description: 'A periodic rating of a pairing (共建考评).' })
export class PairingReviewType {
  @Field({ description: 'The year (2026), half (2026-H1) or quarter (2026-Q3) reviewed.' }) period!: string;
  @Field({ description: 'excellent | good | pass | fail (优秀 / 良好 / 合格 / 不合格)' }) rating!: string;
  @Field() comments!: string;
}

@ObjectType('CoBuildingPairing', { description: 'A co-building pairing (结对共建) of an organisation with a community. Money in fen (1 yuan = 100 fen).' })
export class PairingType {
  @Field(() => ID) id!: string;
  @Field(() => ID) organisationId!: string;
  @Field(() => ID) communityId!: string;
  @Field({ description: 'active | ended' }) status!: string;
  @Field(() => [String]) commitments!: string[];
  @Field(() => Int) pledgedFen!: number;
  @Field(() => Int) disbursedTotalFen!: number;
  @Field(() => Int) activitiesCount!: number;
  @Field(() => Int, { description: 'Staff of the unit who took part, summed over the activities.' }) staffParticipants!: number;
  @Field(() => Int, { description: 'Residents who took part, summed over the activities.' }) residentParticipants!: number;
  @Field(() => [PairingMonthlyThemeType], { description: 'By month, oldest first.' }) themes!: PairingMonthlyThemeType[];
  @Field(() => [PairingReviewType], { description: 'By period.' }) reviews!: PairingReviewType[];
  @Field({ description: 'YYYY-MM-DD, Asia/Shanghai.' }) establishedOn!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (Asia/Shanghai) the pairing ended; null while active.' }) endedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the pairing ended; null while active.' }) endReason!: string | null;
}

const themesOf = (themes: Readonly<Record<string, string>>): PairingMonthlyThemeType[] =>
  Object.entries(themes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, theme]) => ({ month, theme }));

const reviewsOf = (reviews: Readonly<Record<string, { readonly rating: string; readonly comments: string }>>): PairingReviewType[] =>
  Object.entries(reviews)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, { rating, comments }]) => ({ period, rating, comments }));

export function pairingFromState(state: Exclude<PairingState, { status: 'empty' }>): PairingType {
  const activities = Object.values(state.activities);
  return {
    id: state.pairingId,
    organisationId: state.organisationId,
    communityId: state.communityId,
    status: state.status,
    commitments: [...state.establishment.commitments],
    pledgedFen: state.pledgedFen,
    disbursedTotalFen: state.disbursedTotalFen,
    activitiesCount: activities.length,
    staffParticipants: activities.reduce((sum, a) => sum + a.staffCount, 0),
    residentParticipants: activities.reduce((sum, a) => sum + a.residentCount, 0),
    themes: themesOf(state.themes),
    reviews: reviewsOf(state.reviews),
    establishedOn: state.establishedOn,
    endedOn: state.status === 'ended' ? shanghaiDateOf(state.endedAt) : null,
    endReason: state.status === 'ended' ? state.endReason : null,
  };
}

export function pairingFromRow(row: PairingRow): PairingType {
  return {
    id: row.pairingId,
    organisationId: row.organisationId,
    communityId: row.communityId,
    status: row.status,
    commitments: row.commitments,
    pledgedFen: row.pledgedFen,
    disbursedTotalFen: row.disbursedTotalFen,
    activitiesCount: row.activitiesCount,
    staffParticipants: row.staffParticipants,
    residentParticipants: row.residentParticipants,
    themes: themesOf(row.themes),
    reviews: reviewsOf(row.reviews),
    establishedOn: row.establishedOn,
    endedOn: row.endedOn,
    endReason: row.endReason,
  };
}
