import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

const RATE = 'A share in [0, 1]; null when there is nothing to divide by.';

@ObjectType('AppealFigures', { description: 'Appeals (诉求) filed in the 365 days up to asOf; overdue counted at asOf.' })
export class AppealFiguresType {
  @Field(() => Int) filed!: number;
  @Field(() => Int, { description: 'Accepted or dispatched at least once.' }) responded!: number;
  @Field(() => Int, { description: 'Resolved, and not reopened since.' }) resolved!: number;
  @Field(() => Int, { description: 'With a return visit (回访).' }) returnVisited!: number;
  @Field(() => Int, { description: 'Open at asOf past their latest deadline.' }) overdue!: number;
  @Field(() => Float, { nullable: true, description: `responded / filed. ${RATE}` }) responseRate!: number | null;
  @Field(() => Float, { nullable: true, description: `resolved / filed. ${RATE}` }) resolutionRate!: number | null;
  @Field(() => Float, { nullable: true, description: `(satisfied + basically satisfied) / return-visited, latest visit per appeal. ${RATE}` })
  satisfactionRate!: number | null;
}

@ObjectType('VolunteerFigures')
export class VolunteerFiguresType {
  @Field(() => Int, { description: 'Volunteers registered up to asOf.' }) registered!: number;
  @Field(() => Int, { description: 'Volunteers with hours in the ledger in the 90 days up to asOf.' }) active!: number;
  @Field(() => Float, { description: 'Hours in the ledger (every ledger record is verified service), 365 days up to asOf.' }) verifiedHours!: number;
  @Field(() => Float, { nullable: true, description: 'verifiedHours × 1,000 / residents.' }) verifiedHoursPer1000Residents!: number | null;
}

@ObjectType('PartyFigures')
export class PartyFiguresType {
  @Field(() => Int, { description: 'Party members registered at the community (报到) at asOf.' }) membersRegistered!: number;
  @Field(() => Int, { description: 'Households registered up to asOf.' }) households!: number;
  @Field(() => Int, { description: 'Households with an assigned contact member (分片包户) at asOf.' }) householdsWithContact!: number;
  @Field(() => Float, { nullable: true, description: `householdsWithContact / households. ${RATE}` }) householdsWithContactShare!: number | null;
}

@ObjectType('PairingFigures')
export class PairingFiguresType {
  @Field(() => Int, { description: 'Co-building pairings (结对共建) not ended at asOf.' }) active!: number;
  @Field(() => Int, { description: 'Pairing activities held in the 365 days up to asOf.' }) activities!: number;
  @Field(() => Int, { description: "The units' staff and residents taking part in those activities." }) participants!: number;
  @Field(() => Float, { description: 'Pledged support funds of the active pairings (latest pledge), integer fen.' }) fundsPledgedFen!: number;
  @Field(() => Float, { description: 'Support funds disbursed in the 365 days up to asOf, integer fen.' }) fundsDisbursedFen!: number;
}

@ObjectType('PropertyFigures')
export class PropertyFiguresType {
  @Field(() => Int, { description: 'Compounds (小区) registered up to asOf.' }) compounds!: number;
  @Field(() => Int, { description: "Compounds whose owners' committee was filed (备案)." }) compoundsWithCommittee!: number;
  @Field(() => Float, { nullable: true, description: `compoundsWithCommittee / compounds. ${RATE}` }) committeeShare!: number | null;
  @Field(() => Int, { description: "Compounds whose latest assessment was rated excellent." }) ratedExcellent!: number;
  @Field(() => Int) ratedGood!: number;
  @Field(() => Int) ratedPass!: number;
  @Field(() => Int) ratedFail!: number;
}

@ObjectType('Scorecard', { description: 'Co-governance figures of a community or a street as they stood at asOf (docs/governance.md).' })
export class ScorecardType {
  @Field(() => String, { description: 'The moment the figures stand at (UTC).' }) asOf!: string;
  @Field(() => String, { description: 'Start of the flow figures’ window: 365 days before asOf (UTC).' }) since!: string;
  @Field(() => Int, { description: 'Residents living in the community at asOf.' }) residents!: number;
  @Field(() => AppealFiguresType) appeals!: AppealFiguresType;
  @Field(() => VolunteerFiguresType) volunteers!: VolunteerFiguresType;
  @Field(() => PartyFiguresType) party!: PartyFiguresType;
  @Field(() => PairingFiguresType) pairings!: PairingFiguresType;
  @Field(() => PropertyFiguresType) property!: PropertyFiguresType;
}

/** The residents subgraph's Community: the governance view adds its scorecard. */
@ObjectType('Community')
@Directive('@key(fields: "id")')
export class CommunityType {
  @Field(() => ID) id!: string;
}

@ObjectType('CommunityScorecard')
export class CommunityScorecardType {
  @Field(() => ID) communityId!: string;
  @Field(() => CommunityType, { description: 'The community itself (the residents subgraph resolves the rest through the gateway).' })
  community!: CommunityType;
  @Field(() => String) communityName!: string;
  @Field(() => ScorecardType) scorecard!: ScorecardType;
}

@ObjectType('StreetScorecard', { description: 'The street roll-up: every community of the street and their total.' })
export class StreetScorecardType {
  @Field(() => ID) streetId!: string;
  @Field(() => String) streetName!: string;
  @Field(() => ScorecardType, { description: 'The street as a whole: counts summed, rates from the sums.' }) total!: ScorecardType;
  @Field(() => [CommunityScorecardType]) communities!: CommunityScorecardType[];
}

