/**
 * Community decisions. Pure: time and actor come from the command metadata, personal fields arrive
 * already encrypted (the shell encrypts before calling decide).
 *
 * Quiet or reject, the rule of the whole residents context: a command that *asserts a fact* ("this
 * community exists with these names", "this grid has this worker") returns [] when the fact already
 * holds, and rejects when it holds differently; a command that *moves a lifecycle on* rejects outside
 * its source state. Transport retries are the shell's business (command id → event id), not decide's.
 */
import type { Decider, EncryptedField } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  NotFoundError,
  requireEncrypted,
  requireMetadata,
  requireNonEmpty,
  ValidationError,
  type CommandMetadata,
} from '@cogov/domain';
import type { CommunityEvent, CommunityRegistered, GridDelineated, GridWorkerAssigned } from './community.events.js';
import { evolve, initialState, type CommunityState } from './community.state.js';

export type RegisterCommunity = {
  type: 'RegisterCommunity';
  data: { communityId: string; name: string; streetId: string; streetName: string };
  metadata: CommandMetadata;
};

export type DelineateGrid = {
  type: 'DelineateGrid';
  data: { communityId: string; gridId: string; name: string };
  metadata: CommandMetadata;
};

export type AssignGridWorker = {
  type: 'AssignGridWorker';
  /** `workerName` encrypted for subject = workerId. */
  data: { communityId: string; gridId: string; workerId: string; workerName: EncryptedField };
  metadata: CommandMetadata;
};

export type CommunityCommand = RegisterCommunity | DelineateGrid | AssignGridWorker;

type Registered = Extract<CommunityState, { status: 'registered' }>;

function requireRegistered(state: CommunityState, communityId: string): Registered {
  if (state.status === 'empty') throw new NotFoundError('community', communityId);
  return state;
}

/**
 * Quiet when the community is already registered with identical names (a re-run of an import);
 * AlreadyExistsError when it is registered with other names — renaming is not a registration.
 */
function registerCommunity({ data }: RegisterCommunity, state: CommunityState): CommunityRegistered[] {
  const registered: CommunityRegistered['data'] = {
    communityId: requireNonEmpty(data.communityId, 'communityId'),
    name: requireNonEmpty(data.name, 'name'),
    streetId: requireNonEmpty(data.streetId, 'streetId'),
    streetName: requireNonEmpty(data.streetName, 'streetName'),
  };
  if (state.status === 'registered') {
    const same =
      state.name === registered.name &&
      state.streetId === registered.streetId &&
      state.streetName === registered.streetName;
    if (same) return [];
    throw new AlreadyExistsError('community', state.communityId, `registered as ${state.name} (${state.streetName})`);
  }
  return [{ type: 'CommunityRegistered', data: registered }];
}

/**
 * NotFoundError before the community is registered. Quiet when the grid already exists with the same
 * name; AlreadyExistsError when its id exists with another name, or its name is taken by another grid
 * (grid names are what grid workers and residents use, so they must be unique in a community).
 */
function delineateGrid({ data }: DelineateGrid, state: CommunityState): GridDelineated[] {
  const communityId = requireNonEmpty(data.communityId, 'communityId');
  const gridId = requireNonEmpty(data.gridId, 'gridId');
  const name = requireNonEmpty(data.name, 'name');
  const community = requireRegistered(state, communityId);

  const existing = community.grids[gridId];
  if (existing) {
    if (existing.name === name) return [];
    throw new AlreadyExistsError('grid', gridId, `delineated as ${existing.name}`);
  }
  const namesake = Object.entries(community.grids).find(([, grid]) => grid.name === name);
  if (namesake) throw new AlreadyExistsError('grid', namesake[0], `the name ${name} is already used`);

  return [{ type: 'GridDelineated', data: { communityId: community.communityId, gridId, name } }];
}

/**
 * NotFoundError for an unknown community or grid. Quiet when the same worker already serves the grid
 * (the name cannot be compared: every encryption yields a fresh ciphertext); another worker replaces
 * the current one — there is one grid worker per grid at a time.
 */
function assignGridWorker({ data }: AssignGridWorker, state: CommunityState): GridWorkerAssigned[] {
  const communityId = requireNonEmpty(data.communityId, 'communityId');
  const gridId = requireNonEmpty(data.gridId, 'gridId');
  const workerId = requireNonEmpty(data.workerId, 'workerId');
  const workerName = requireEncrypted(data.workerName, 'workerName', workerId);
  const community = requireRegistered(state, communityId);

  const grid = community.grids[gridId];
  if (!grid) throw new NotFoundError('grid', gridId);
  if (grid.workerId === workerId) return [];

  return [
    { type: 'GridWorkerAssigned', data: { communityId: community.communityId, gridId, workerId, workerName } },
  ];
}

export function decide(command: CommunityCommand, state: CommunityState): CommunityEvent[] {
  requireMetadata(command.metadata);
  switch (command.type) {
    case 'RegisterCommunity':
      return registerCommunity(command, state);
    case 'DelineateGrid':
      return delineateGrid(command, state);
    case 'AssignGridWorker':
      return assignGridWorker(command, state);
    default: {
      const _exhaustive: never = command;
      throw new ValidationError('type', `unknown community command ${(command as { type: string }).type}`);
    }
  }
}

export const communityDecider: Decider<CommunityCommand, CommunityEvent, CommunityState> = {
  decide,
  evolve,
  initialState,
};
