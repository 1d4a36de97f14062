import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * The residents subgraph's Community, extended by id with what co-building adds to it. Only the key and this
 * subgraph's own fields live here; the gateway takes name, street and grids from residents.
 */
@ObjectType('Community')
@Directive('@key(fields: "id")')
export class CommunityType {
  @Field(() => ID) id!: string;
}
