/**
 * Household decisions. Pure; see community.decide.ts for the context's quiet-or-reject rule.
 *
 * That the grid belongs to the community is a cross-aggregate fact: the command handler checks it
 * against the community before calling decide.
 */
import type { Decider } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  requireMetadata,
  requireNonEmpty,
  ValidationError,
  type CommandMetadata,
} from '@cogov/domain';
import type { HouseholdAddress, HouseholdEvent, HouseholdRegistered } from './household.events.js';
import { evolve, initialState, type HouseholdState } from './household.state.js';

export type RegisterHousehold = {
  type: 'RegisterHousehold';
  data: { householdId: string; communityId: string; gridId: string; address: HouseholdAddress };
  metadata: CommandMetadata;
};

export type HouseholdCommand = RegisterHousehold;

function requireAddress(address: unknown): HouseholdAddress {
  if (typeof address !== 'object' || address === null) throw new ValidationError('address', 'address is required');
  const { compound, building, unit, room } = address as Partial<HouseholdAddress>;
  // All four parts are required by the event catalogue; a single-storey courtyard without building or
  // unit numbers is entered with the street office's convention for it, not with an empty string.
  return {
    compound: requireNonEmpty(compound, 'address.compound'),
    building: requireNonEmpty(building, 'address.building'),
    unit: requireNonEmpty(unit, 'address.unit'),
    room: requireNonEmpty(room, 'address.room'),
  };
}

const sameAddress = (a: HouseholdAddress, b: HouseholdAddress): boolean =>
  a.compound === b.compound && a.building === b.building && a.unit === b.unit && a.room === b.room;

/**
 * Quiet when the household is already registered with identical data (a re-run of an import);
 * AlreadyExistsError when it is registered with another community, grid or address.
 */
function registerHousehold({ data }: RegisterHousehold, state: HouseholdState): HouseholdRegistered[] {
  const registered: HouseholdRegistered['data'] = {
    householdId: requireNonEmpty(data.householdId, 'householdId'),
    communityId: requireNonEmpty(data.communityId, 'communityId'),
    gridId: requireNonEmpty(data.gridId, 'gridId'),
    address: requireAddress(data.address),
  };
  if (state.status === 'registered') {
    const same =
      state.communityId === registered.communityId &&
      state.gridId === registered.gridId &&
      sameAddress(state.address, registered.address);
    if (same) return [];
    throw new AlreadyExistsError('household', state.householdId, 'registered with other data');
  }
  return [{ type: 'HouseholdRegistered', data: registered }];
}

export function decide(command: HouseholdCommand, state: HouseholdState): HouseholdEvent[] {
  requireMetadata(command.metadata);
  switch (command.type) {
    case 'RegisterHousehold':
      return registerHousehold(command, state);
    default: {
      const _exhaustive: never = command.type;
      throw new ValidationError('type', `unknown household command ${(command as { type: string }).type}`);
    }
  }
}

export const householdDecider: Decider<HouseholdCommand, HouseholdEvent, HouseholdState> = {
  decide,
  evolve,
  initialState,
};
