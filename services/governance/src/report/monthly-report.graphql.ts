import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ReportTheme')
export class ReportThemeType {
  @Field() organisationName!: string;
  @Field() communityName!: string;
  @Field({ description: 'The pairing’s theme of the month (每月一主题).' }) theme!: string;
}

@ObjectType('ReportBasics')
export class ReportBasicsType {
  @Field(() => [ReportThemeType]) themes!: ReportThemeType[];
  @Field(() => Int, { description: 'Paired units (驻区单位) that held at least one co-building activity in the month.' }) unitsTakingPart!: number;
  @Field(() => Int, { description: 'Units with a pairing active in the month.' }) unitsPaired!: number;
  @Field(() => Int) activities!: number;
  @Field(() => Int, { description: "The units' staff taking part, summed over the month's activities." }) staffTakingPart!: number;
  @Field(() => Int, { description: 'Residents taking part, summed over the activities.' }) residentsTakingPart!: number;
  @Field(() => Float, { description: 'Volunteer hours entered in the ledger for service in the month.' }) volunteerHours!: number;
  @Field(() => Int) appealsFiled!: number;
  @Field(() => Int) appealsResolved!: number;
}

@ObjectType('ReportHighlight')
export class ReportHighlightType {
  @Field() title!: string;
  @Field() organisationName!: string;
  @Field() communityName!: string;
  @Field({ description: 'YYYY-MM-DD' }) heldOn!: string;
  @Field(() => Int) participants!: number;
  @Field(() => String, { nullable: true }) theme!: string | null;
}

@ObjectType('ReportOrganisationFunds')
export class ReportOrganisationFundsType {
  @Field() organisationName!: string;
  @Field(() => Float, { description: 'Disbursed in the month, integer fen.' }) disbursedFen!: number;
  @Field(() => Float, { description: 'Pledged by its active pairings, integer fen.' }) pledgedFen!: number;
}

@ObjectType('ReportFunds')
export class ReportFundsType {
  @Field(() => Float, { description: 'Integer fen.' }) disbursedFen!: number;
  @Field(() => Float, { description: 'Integer fen.' }) pledgedFen!: number;
  @Field(() => [ReportOrganisationFundsType]) byOrganisation!: ReportOrganisationFundsType[];
}

@ObjectType('ReportCommunity')
export class ReportCommunityType {
  @Field() communityName!: string;
  @Field(() => Int) activities!: number;
  @Field(() => Int) participants!: number;
  @Field(() => Float) disbursedFen!: number;
  @Field(() => Float) volunteerHours!: number;
}

@ObjectType('ReportAssessment')
export class ReportAssessmentType {
  @Field() compoundName!: string;
  @Field() communityName!: string;
  @Field() quarter!: string;
  @Field({ description: 'excellent, good, pass or fail' }) rating!: string;
  @Field(() => Int, { description: 'Weighted score in hundredths of a point.' }) scoreHundredths!: number;
}

@ObjectType('ReportCommitteeFiled')
export class ReportCommitteeFiledType {
  @Field() compoundName!: string;
  @Field() communityName!: string;
  @Field() filedAt!: string;
  @Field() filingNumber!: string;
}

@ObjectType('ReportIdleUnit')
export class ReportIdleUnitType {
  @Field() organisationName!: string;
  @Field() communityName!: string;
}

@ObjectType('ReportIdleCadre')
export class ReportIdleCadreType {
  @Field(() => ID) cadreId!: string;
  @Field() pairedUnitName!: string;
  @Field() communityName!: string;
}

@ObjectType('ReportFailingCompound')
export class ReportFailingCompoundType {
  @Field() compoundName!: string;
  @Field() communityName!: string;
  @Field() quarter!: string;
}

@ObjectType('ReportShortfalls', { description: 'What fell short in the month.' })
export class ReportShortfallsType {
  @Field(() => [ReportIdleUnitType], { description: 'Paired units that held no activity in the community that month.' })
  unitsWithoutActivity!: ReportIdleUnitType[];
  @Field(() => [ReportIdleCadreType], { description: "Part-time cadres whose paired unit held no activity in the cadre's community that month." })
  cadresWithoutRecord!: ReportIdleCadreType[];
  @Field(() => [ReportFailingCompoundType], { description: 'Compounds whose latest assessment by the month’s end was rated fail.' })
  compoundsRatedFail!: ReportFailingCompoundType[];
}

@ObjectType('MonthlyReport', { description: 'The monthly co-building report of a street (月度共建情况通报).' })
export class MonthlyReportType {
  @Field(() => ID) streetId!: string;
  @Field() streetName!: string;
  @Field({ description: 'YYYY-MM, a calendar month in Asia/Shanghai.' }) month!: string;
  @Field({ description: 'The month’s start (UTC).' }) from!: string;
  @Field({ description: 'The next month’s start (UTC).' }) to!: string;
  @Field(() => ReportBasicsType) basics!: ReportBasicsType;
  @Field(() => [ReportHighlightType], { description: 'The five activities with the most people taking part.' }) highlights!: ReportHighlightType[];
  @Field(() => ReportFundsType) funds!: ReportFundsType;
  @Field(() => [ReportCommunityType]) communities!: ReportCommunityType[];
  @Field(() => [ReportAssessmentType], { description: 'Property service assessments concluded in the month.' }) assessments!: ReportAssessmentType[];
  @Field(() => [ReportCommitteeFiledType], { description: "Owners' committees filed (备案) in the month." }) committeesFiled!: ReportCommitteeFiledType[];
  @Field(() => ReportShortfallsType) shortfalls!: ReportShortfallsType;
}
