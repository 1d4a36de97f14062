import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('HouseholdContact', { description: 'A household and the party member who keeps in contact with it (分片包户).' })
export class HouseholdContactType {
  @Field(() => ID) householdId!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => ID, { nullable: true, description: 'The contact member; null once released.' }) memberId!: string | null;
  @Field(() => String, { nullable: true, description: "The contact member's name, masked unless your role and jurisdiction allow it." })
  memberName!: string | null;
  @Field(() => String, { nullable: true }) assignedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Asia/Shanghai date of the latest visit.' }) lastVisitOn!: string | null;
  @Field(() => String, { nullable: true }) lastVisitPurpose!: string | null;
  @Field(() => Int) visitCount!: number;
}
