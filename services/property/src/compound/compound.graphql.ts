import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CompoundRow } from './projections/compound-directory/compound-directory.entity.js';

@ObjectType('PropertyServiceContract', { description: 'The property service contract in force on a compound.' })
export class PropertyServiceContractType {
  @Field(() => ID) contractId!: string;
  @Field(() => ID) companyId!: string;
  @Field() companyName!: string;
  @Field({ description: '统一社会信用代码 of the property company.' }) unifiedSocialCreditCode!: string;
  @Field() startsOn!: string;
  @Field() endsOn!: string;
  @Field({ description: 'Red property (红色物业): the company has a party organisation taking part in community governance.' })
  redProperty!: boolean;
  @Field(() => ID, { nullable: true }) redPropertyPartyOrganisationId!: string | null;
}

@ObjectType('CompoundAssessmentRating', { description: 'The rating of a compound’s latest concluded quarterly assessment.' })
export class CompoundAssessmentRatingType {
  @Field(() => ID) compoundId!: string;
  @Field() compoundName!: string;
  @Field() quarter!: string;
  @Field({ description: 'excellent | good | pass | fail' }) rating!: string;
  @Field(() => Int, { description: 'Weighted score in hundredths of a point out of 100 (8650 is 86.50).' }) weightedScoreHundredths!: number;
}

@ObjectType('Compound', { description: 'A residential compound (小区) of a community.' })
export class CompoundType {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field() name!: string;
  @Field({ description: 'closed | open' }) enclosure!: string;
  @Field(() => Int) unitCount!: number;
  @Field(() => Int, { description: 'Floor area in hundredths of a square metre (12345 is 123.45 m²).' }) floorAreaHundredthM2!: number;
  @Field(() => Int, { nullable: true }) occupiedUnitCount!: number | null;
  @Field(() => PropertyServiceContractType, { nullable: true }) contract!: PropertyServiceContractType | null;
  @Field() redProperty!: boolean;
  @Field(() => CompoundAssessmentRatingType, { nullable: true }) latestAssessment!: CompoundAssessmentRatingType | null;
}

export function compoundFromRow(row: CompoundRow): CompoundType {
  const { contract } = row;
  return {
    id: row.compoundId,
    communityId: row.communityId,
    name: row.name,
    enclosure: row.enclosure,
    unitCount: row.unitCount,
    floorAreaHundredthM2: row.floorAreaHundredthM2,
    occupiedUnitCount: row.occupiedUnitCount,
    contract: contract && {
      contractId: contract.contractId,
      companyId: contract.companyId,
      companyName: contract.companyName,
      unifiedSocialCreditCode: contract.unifiedSocialCreditCode,
      startsOn: contract.startsOn,
      endsOn: contract.endsOn,
      redProperty: row.redPropertyPartyOrganisationId !== null,
      redPropertyPartyOrganisationId: row.redPropertyPartyOrganisationId,
    },
    redProperty: row.redPropertyPartyOrganisationId !== null,
    latestAssessment: latestAssessmentOf(row),
  };
}

export function latestAssessmentOf(row: CompoundRow): CompoundAssessmentRatingType | null {
  if (row.latestAssessmentQuarter === null || row.latestAssessmentRating === null) return null;
  return {
    compoundId: row.compoundId,
    compoundName: row.name,
    quarter: row.latestAssessmentQuarter,
    rating: row.latestAssessmentRating,
    weightedScoreHundredths: row.latestAssessmentScore ?? 0,
  };
}
