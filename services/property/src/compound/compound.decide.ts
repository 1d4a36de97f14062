/**
 * Compound (小区) decisions. Pure.
 *
 * Idempotency policy: a command whose fact is already true is quiet (`[]`) — registering the same
 * compound, recording the same occupancy, signing the same contract, ending an ended contract, marking
 * red property with the same party organisation. A lifecycle move in the wrong state is an
 * InvalidStateError — signing while another contract is in force, ending a contract that is not the one
 * in force, marking a compound without a contract. A registration under a used id with other data is
 * AlreadyExistsError.
 *
 * Red property (红色物业): the company serving the compound has its own party organisation taking part in
 * community governance. The mark belongs to the contract in force and ends with it.
 */
import type { Decider } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
  requireCalendarDate,
  requireCreditCode,
  requireIntegerInRange,
  requireMetadata,
  requireNonEmpty,
  requireOneOf,
  type CommandMetadata,
} from '@cogov/domain';
import {
  COMPOUND_ENCLOSURES,
  type CompoundEnclosure,
  type CompoundEvent,
  type CompoundMarkedRedProperty,
  type CompoundOccupancyRecorded,
  type CompoundRegistered,
  type PropertyServiceContractEnded,
  type PropertyServiceContractSigned,
} from './compound.events.js';
import { evolve, initialState, type CompoundState } from './compound.state.js';

export type RegisterCompound = {
  type: 'RegisterCompound';
  data: {
    compoundId: string;
    communityId: string;
    name: string;
    enclosure: CompoundEnclosure;
    unitCount: number;
    floorAreaHundredthM2: number;
  };
  metadata: CommandMetadata;
};
export type RecordCompoundOccupancy = {
  type: 'RecordCompoundOccupancy';
  data: { compoundId: string; occupiedUnitCount: number };
  metadata: CommandMetadata;
};
export type SignPropertyServiceContract = {
  type: 'SignPropertyServiceContract';
  data: {
    compoundId: string;
    contractId: string;
    companyId: string;
    companyName: string;
    unifiedSocialCreditCode: string;
    startsOn: string;
    endsOn: string;
  };
  metadata: CommandMetadata;
};
export type EndPropertyServiceContract = {
  type: 'EndPropertyServiceContract';
  data: { compoundId: string; contractId: string; reason: string };
  metadata: CommandMetadata;
};
export type MarkRedProperty = {
  type: 'MarkRedProperty';
  data: { compoundId: string; partyOrganisationId: string };
  metadata: CommandMetadata;
};

export type CompoundCommand =
  | RegisterCompound
  | RecordCompoundOccupancy
  | SignPropertyServiceContract
  | EndPropertyServiceContract
  | MarkRedProperty;

type Registered = Extract<CompoundState, { status: 'registered' }>;

/** 18 characters of the GB 32100 alphabet (no I, O, Z, S, V); the check digit is the registry's business. */

function requireCompound(state: CompoundState, compoundId: string): Registered {
  if (state.status === 'empty') throw new NotFoundError('compound', compoundId);
  return state;
}

function register({ data, metadata }: RegisterCompound, state: CompoundState): CompoundRegistered[] {
  const compoundId = requireNonEmpty(data.compoundId, 'compoundId');
  const registered: CompoundRegistered['data'] = {
    compoundId,
    communityId: requireNonEmpty(data.communityId, 'communityId'),
    name: requireNonEmpty(data.name, 'name'),
    enclosure: requireOneOf(data.enclosure, COMPOUND_ENCLOSURES, 'enclosure'),
    unitCount: requireIntegerInRange(data.unitCount, 'unitCount', 1),
    floorAreaHundredthM2: requireIntegerInRange(data.floorAreaHundredthM2, 'floorAreaHundredthM2', 1),
    registeredAt: metadata.now,
  };
  if (state.status !== 'empty') {
    const { registeredAt: _at, ...facts } = registered;
    const same = (Object.keys(facts) as (keyof typeof facts)[]).every((k) => state[k] === facts[k]);
    if (same) return [];
    throw new AlreadyExistsError('compound', compoundId, 'registered with other data');
  }
  return [{ type: 'CompoundRegistered', data: registered }];
}

function recordOccupancy({ data, metadata }: RecordCompoundOccupancy, state: CompoundState): CompoundOccupancyRecorded[] {
  const compoundId = requireNonEmpty(data.compoundId, 'compoundId');
  const occupiedUnitCount = requireIntegerInRange(data.occupiedUnitCount, 'occupiedUnitCount', 0);
  const compound = requireCompound(state, compoundId);
  if (occupiedUnitCount > compound.unitCount) {
    throw new ValidationError('occupiedUnitCount', `occupiedUnitCount must not exceed the ${compound.unitCount} units`);
  }
  if (compound.occupiedUnitCount === occupiedUnitCount) return [];
  const { communityId, unitCount } = compound;
  return [
    { type: 'CompoundOccupancyRecorded', data: { compoundId, communityId, occupiedUnitCount, unitCount, recordedAt: metadata.now } },
  ];
}

function sign({ data, metadata }: SignPropertyServiceContract, state: CompoundState): PropertyServiceContractSigned[] {
  const compoundId = requireNonEmpty(data.compoundId, 'compoundId');
  const contractId = requireNonEmpty(data.contractId, 'contractId');
  const companyId = requireNonEmpty(data.companyId, 'companyId');
  const companyName = requireNonEmpty(data.companyName, 'companyName');
  const unifiedSocialCreditCode = requireCreditCode(data.unifiedSocialCreditCode, 'unifiedSocialCreditCode');
  const startsOn = requireCalendarDate(data.startsOn, 'startsOn');
  const endsOn = requireCalendarDate(data.endsOn, 'endsOn');
  if (endsOn <= startsOn) throw new ValidationError('endsOn', 'endsOn must be after startsOn');
  const compound = requireCompound(state, compoundId);
  const current = compound.contract;
  if (current?.contractId === contractId && current.companyId === companyId && current.startsOn === startsOn && current.endsOn === endsOn) {
    return [];
  }
  if (current) throw new InvalidStateError(`compound ${compoundId} is served under contract ${current.contractId}; end it first`);
  if (compound.endedContractIds.includes(contractId)) {
    throw new InvalidStateError(`contract ${contractId} of compound ${compoundId} has ended; a renewal is a new contract`);
  }
  return [
    {
      type: 'PropertyServiceContractSigned',
      data: {
        compoundId,
        communityId: compound.communityId,
        contractId,
        companyId,
        companyName,
        unifiedSocialCreditCode,
        startsOn,
        endsOn,
        signedAt: metadata.now,
      },
    },
  ];
}

function end({ data, metadata }: EndPropertyServiceContract, state: CompoundState): PropertyServiceContractEnded[] {
  const compoundId = requireNonEmpty(data.compoundId, 'compoundId');
  const contractId = requireNonEmpty(data.contractId, 'contractId');
  const reason = requireNonEmpty(data.reason, 'reason');
  const compound = requireCompound(state, compoundId);
  if (compound.endedContractIds.includes(contractId)) return [];
  if (compound.contract?.contractId !== contractId) {
    throw new InvalidStateError(`contract ${contractId} is not the contract in force on compound ${compoundId}`);
  }
  return [
    {
      type: 'PropertyServiceContractEnded',
      data: { compoundId, communityId: compound.communityId, contractId, companyId: compound.contract.companyId, reason, endedAt: metadata.now },
    },
  ];
}

function mark({ data, metadata }: MarkRedProperty, state: CompoundState): CompoundMarkedRedProperty[] {
  const compoundId = requireNonEmpty(data.compoundId, 'compoundId');
  const partyOrganisationId = requireNonEmpty(data.partyOrganisationId, 'partyOrganisationId');
  const { contract, communityId } = requireCompound(state, compoundId);
  if (!contract) throw new InvalidStateError(`compound ${compoundId} has no property service contract in force`);
  if (contract.redPropertyPartyOrganisationId === partyOrganisationId) return [];
  return [
    {
      type: 'CompoundMarkedRedProperty',
      data: { compoundId, communityId, contractId: contract.contractId, companyId: contract.companyId, partyOrganisationId, markedAt: metadata.now },
    },
  ];
}

export const compoundDecider: Decider<CompoundCommand, CompoundEvent, CompoundState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'RegisterCompound':
        return register({ ...command, metadata }, state);
      case 'RecordCompoundOccupancy':
        return recordOccupancy({ ...command, metadata }, state);
      case 'SignPropertyServiceContract':
        return sign({ ...command, metadata }, state);
      case 'EndPropertyServiceContract':
        return end({ ...command, metadata }, state);
      case 'MarkRedProperty':
        return mark({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown compound command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};
