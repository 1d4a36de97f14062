import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { HouseholdState } from './household.state.js';

@ObjectType('Address', { description: 'compound (小区) / building (楼) / unit (单元) / room (室)' })
export class AddressType {
  @Field() compound!: string;
  @Field() building!: string;
  @Field() unit!: string;
  @Field() room!: string;
}

@ObjectType('Household', { description: 'A household (户) at an address in a grid.' })
export class HouseholdType {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => ID) gridId!: string;
  @Field(() => AddressType) address!: AddressType;
  @Field(() => Int, { nullable: true, description: 'Residents currently living here (read model).' })
  residentsCount?: number | null;
}

export function householdFromState(state: Extract<HouseholdState, { status: 'registered' }>): HouseholdType {
  return { id: state.householdId, communityId: state.communityId, gridId: state.gridId, address: { ...state.address } };
}
