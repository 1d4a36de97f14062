import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { OwnersCommitteeRow } from './projections/owners-committee-register/owners-committee-register.entity.js';

@ObjectType('OwnersCommittee', { description: "The formation of a compound's owners' committee (业主委员会): preparatory group, election, filing." })
export class OwnersCommitteeType {
  @Field(() => ID) id!: string;
  @Field(() => ID) compoundId!: string;
  @Field(() => ID) communityId!: string;
  @Field({ description: 'preparing | elected | filed' }) status!: string;
  @Field(() => [ID], { description: 'Members of the preparatory group (筹备组).' }) preparatoryGroupIds!: string[];
  @Field(() => ID, { nullable: true, description: "The owners' assembly whose count elected the committee." }) assemblyId!: string | null;
  @Field(() => [ID], { description: 'The elected members (owner ids); empty while preparing.' }) memberIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The street office (or township government) the committee is filed with.' })
  filedWith!: string | null;
  @Field(() => String, { nullable: true, description: 'The filing (备案) number.' }) filingNumber!: string | null;
  @Field() formedAt!: Date;
  @Field(() => Date, { nullable: true }) electedAt!: Date | null;
  @Field(() => Date, { nullable: true }) filedAt!: Date | null;
}

export function committeeFromRow(row: OwnersCommitteeRow): OwnersCommitteeType {
  return {
    id: row.committeeId,
    compoundId: row.compoundId,
    communityId: row.communityId,
    status: row.status,
    preparatoryGroupIds: row.preparatoryGroupIds,
    assemblyId: row.assemblyId,
    memberIds: row.memberIds,
    filedWith: row.filedWith,
    filingNumber: row.filingNumber,
    formedAt: row.formedAt,
    electedAt: row.electedAt,
    filedAt: row.filedAt,
  };
}
