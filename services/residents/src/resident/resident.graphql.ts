import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { EncryptedField } from '@cogov/eventsourcing';
import type { ResidentState } from './resident.state.js';

export enum ResidentStatus {
  residing = 'residing',
  moved_out = 'moved_out',
}
registerEnumType(ResidentStatus, { name: 'ResidentStatus' });

@ObjectType('Resident', {
  description: 'A resident (居民). Personal fields are masked unless your role and jurisdiction allow them; [erased] after erasure.',
})
export class ResidentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => ID) householdId!: string;
  @Field(() => ID, { nullable: true }) gridId!: string | null;
  @Field(() => ResidentStatus) status!: ResidentStatus;
  @Field(() => String, { nullable: true }) movedInOn!: string | null;
  @Field(() => String, { nullable: true }) movedOutOn!: string | null;
  @Field(() => String, { nullable: true }) moveOutReason!: string | null;
  @Field() personalDataErased!: boolean;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) idNumber?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => [String], { nullable: true, description: 'Vulnerable-group codes (sensitive): null unless you may see personal data.' })
  vulnerableGroups?: string[] | null;
  /** Encrypted personal fields, decrypted (or masked) when the response is written. */
  encrypted?: { name: EncryptedField; idNumber: EncryptedField; phone: EncryptedField };
  /** Plaintext tag codes known to the caller (from the aggregate's state). */
  tagCodes?: readonly string[];
}

export function residentFromState(state: Exclude<ResidentState, { status: 'empty' }>): ResidentType {
  return {
    id: state.residentId,
    communityId: state.communityId,
    householdId: state.householdId,
    gridId: state.status === 'residing' ? state.gridId : null,
    status: state.status === 'residing' ? ResidentStatus.residing : ResidentStatus.moved_out,
    movedInOn: state.status === 'residing' ? state.movedInOn : null,
    movedOutOn: state.status === 'moved_out' ? state.movedOutOn : null,
    moveOutReason: state.status === 'moved_out' ? state.reason : null,
    personalDataErased: state.erased,
    tagCodes: state.status === 'residing' ? state.tagCodes : [],
  };
}
