import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CommunityState } from './community.state.js';

@ObjectType({ description: 'A grid (网格) of a community.' })
export class GridType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => ID, { nullable: true }) workerId!: string | null;
  @Field(() => String, { nullable: true, description: "The grid worker's name; masked or [erased] as the caller's rights say." })
  workerName?: string | null;
}

@ObjectType('Community', { description: 'A community (社区) and its grids. Other subgraphs extend it by id.' })
@Directive('@key(fields: "id")')
export class CommunityType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => ID) streetId!: string;
  @Field() streetName!: string;
  @Field(() => [GridType]) grids!: GridType[];
  @Field(() => Int, { description: 'Households registered (from the community directory read model).' })
  householdsCount?: number;
  @Field(() => Int, { description: 'Residents currently living here (from the community directory read model).' })
  residentsCount?: number;
}

export function communityFromState(state: Extract<CommunityState, { status: 'registered' }>): CommunityType {
  return {
    id: state.communityId,
    name: state.name,
    streetId: state.streetId,
    streetName: state.streetName,
    grids: Object.entries(state.grids).map(([id, grid]) => ({ id, name: grid.name, workerId: grid.workerId })),
  };
}
