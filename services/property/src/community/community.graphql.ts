import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CompoundAssessmentRatingType, CompoundType } from '../compound/compound.graphql.js';

/** The residents subgraph's community, extended with what the property context knows about it. */
@ObjectType('Community')
@Directive('@key(fields: "id")')
export class CommunityType {
  @Field(() => ID) id!: string;
  @Field(() => [CompoundType], { description: 'Compounds (小区) of the community.' }) compounds?: CompoundType[];
  @Field(() => Int, { description: "Compounds with a filed (备案) owners' committee (业主委员会)." })
  compoundsWithOwnersCommittee?: number;
  @Field(() => [CompoundAssessmentRatingType], { description: "Each assessed compound's latest quarterly rating." })
  latestAssessmentRatings?: CompoundAssessmentRatingType[];
}
