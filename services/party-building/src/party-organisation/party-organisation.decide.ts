/**
 * Party organisation decisions. Pure.
 *
 * Idempotency policy (the same in every decider of this context): a command whose fact is already true
 * is quiet (`[]`) — establishing the same organisation again, appointing the secretary or cadre already
 * in office, releasing a cadre already released, opening the same centre again. A move the state does not
 * allow is an InvalidStateError — releasing someone who never was a cadre, a cadre moving between paired
 * units without release, a second service centre (stations are unlimited). A creation under a used id
 * with other data is AlreadyExistsError. Personal names arrive encrypted (requireEncrypted).
 *
 * Appointing a new first secretary replaces the one in office (the event is the hand-over).
 */
import type { Decider, EncryptedField } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
  requireEncrypted,
  requireMetadata,
  requireNonEmpty,
  requireNullableNonEmpty,
  requireOneOf,
  type CommandMetadata,
} from '@cogov/domain';
import {
  PARTY_ORGANISATION_KINDS,
  SERVICE_CENTRE_KINDS,
  type FirstSecretaryAppointed,
  type PartTimeCadreAppointed,
  type PartTimeCadreReleased,
  type PartyMassesServiceCentreOpened,
  type PartyOrganisationEstablished,
  type PartyOrganisationEvent,
  type PartyOrganisationKind,
  type ServiceCentreKind,
} from './party-organisation.events.js';
import { evolve, initialState, type PartyOrganisationState } from './party-organisation.state.js';

export type EstablishPartyOrganisation = {
  type: 'EstablishPartyOrganisation';
  data: {
    organisationId: string;
    communityId: string;
    kind: PartyOrganisationKind;
    name: string;
    parentOrganisationId: string | null;
    hostUnitId: string | null;
  };
  metadata: CommandMetadata;
};
export type AppointFirstSecretary = {
  type: 'AppointFirstSecretary';
  data: { organisationId: string; secretaryId: string; name: EncryptedField; sendingUnitId: string | null };
  metadata: CommandMetadata;
};
export type AppointPartTimeCadre = {
  type: 'AppointPartTimeCadre';
  data: { organisationId: string; cadreId: string; name: EncryptedField; pairedUnitId: string };
  metadata: CommandMetadata;
};
export type ReleasePartTimeCadre = {
  type: 'ReleasePartTimeCadre';
  data: { organisationId: string; cadreId: string };
  metadata: CommandMetadata;
};
export type OpenPartyMassesServiceCentre = {
  type: 'OpenPartyMassesServiceCentre';
  data: { organisationId: string; centreId: string; kind: ServiceCentreKind; name: string; address: string };
  metadata: CommandMetadata;
};

export type PartyOrganisationCommand =
  | EstablishPartyOrganisation
  | AppointFirstSecretary
  | AppointPartTimeCadre
  | ReleasePartTimeCadre
  | OpenPartyMassesServiceCentre;

type Established = Extract<PartyOrganisationState, { status: 'established' }>;

function requireOrganisation(state: PartyOrganisationState, organisationId: string): Established {
  if (state.status === 'empty') throw new NotFoundError('party organisation', organisationId);
  return state;
}

function establish({ data, metadata }: EstablishPartyOrganisation, state: PartyOrganisationState): PartyOrganisationEstablished[] {
  const organisationId = requireNonEmpty(data.organisationId, 'organisationId');
  const established: PartyOrganisationEstablished['data'] = {
    organisationId,
    communityId: requireNonEmpty(data.communityId, 'communityId'),
    kind: requireOneOf(data.kind, PARTY_ORGANISATION_KINDS, 'kind'),
    name: requireNonEmpty(data.name, 'name'),
    parentOrganisationId: requireNullableNonEmpty(data.parentOrganisationId, 'parentOrganisationId'),
    hostUnitId: requireNullableNonEmpty(data.hostUnitId, 'hostUnitId'),
    establishedAt: metadata.now,
  };
  if (established.parentOrganisationId === organisationId) {
    throw new ValidationError('parentOrganisationId', 'an organisation cannot be its own parent');
  }
  if (state.status !== 'empty') {
    const same =
      state.communityId === established.communityId &&
      state.kind === established.kind &&
      state.parentOrganisationId === established.parentOrganisationId &&
      state.hostUnitId === established.hostUnitId;
    if (same) return [];
    throw new AlreadyExistsError('party organisation', organisationId, 'established with other data');
  }
  return [{ type: 'PartyOrganisationEstablished', data: established }];
}

function appointSecretary({ data, metadata }: AppointFirstSecretary, state: PartyOrganisationState): FirstSecretaryAppointed[] {
  const organisationId = requireNonEmpty(data.organisationId, 'organisationId');
  const secretaryId = requireNonEmpty(data.secretaryId, 'secretaryId');
  const name = requireEncrypted(data.name, 'name', secretaryId);
  const sendingUnitId = requireNullableNonEmpty(data.sendingUnitId, 'sendingUnitId');
  const organisation = requireOrganisation(state, organisationId);
  if (organisation.firstSecretaryId === secretaryId) return [];
  return [
    {
      type: 'FirstSecretaryAppointed',
      data: { organisationId, communityId: organisation.communityId, secretaryId, name, sendingUnitId, appointedAt: metadata.now },
    },
  ];
}

function appointCadre({ data, metadata }: AppointPartTimeCadre, state: PartyOrganisationState): PartTimeCadreAppointed[] {
  const organisationId = requireNonEmpty(data.organisationId, 'organisationId');
  const cadreId = requireNonEmpty(data.cadreId, 'cadreId');
  const name = requireEncrypted(data.name, 'name', cadreId);
  const pairedUnitId = requireNonEmpty(data.pairedUnitId, 'pairedUnitId');
  const organisation = requireOrganisation(state, organisationId);
  const current = organisation.cadres[cadreId];
  if (current === pairedUnitId) return [];
  if (current !== undefined) {
    throw new InvalidStateError(`cadre ${cadreId} serves for paired unit ${current}; release them first`);
  }
  return [
    {
      type: 'PartTimeCadreAppointed',
      data: { organisationId, communityId: organisation.communityId, cadreId, name, pairedUnitId, appointedAt: metadata.now },
    },
  ];
}

function releaseCadre({ data, metadata }: ReleasePartTimeCadre, state: PartyOrganisationState): PartTimeCadreReleased[] {
  const organisationId = requireNonEmpty(data.organisationId, 'organisationId');
  const cadreId = requireNonEmpty(data.cadreId, 'cadreId');
  const organisation = requireOrganisation(state, organisationId);
  if (organisation.cadres[cadreId] === undefined) {
    if (organisation.releasedCadreIds.includes(cadreId)) return [];
    throw new InvalidStateError(`${cadreId} is not a part-time cadre of party organisation ${organisationId}`);
  }
  return [{ type: 'PartTimeCadreReleased', data: { organisationId, communityId: organisation.communityId, cadreId, releasedAt: metadata.now } }];
}

function openCentre({ data, metadata }: OpenPartyMassesServiceCentre, state: PartyOrganisationState): PartyMassesServiceCentreOpened[] {
  const organisationId = requireNonEmpty(data.organisationId, 'organisationId');
  const centreId = requireNonEmpty(data.centreId, 'centreId');
  const kind = requireOneOf(data.kind, SERVICE_CENTRE_KINDS, 'kind');
  const name = requireNonEmpty(data.name, 'name');
  const address = requireNonEmpty(data.address, 'address');
  const organisation = requireOrganisation(state, organisationId);
  const existing = organisation.centres.find((c) => c.centreId === centreId);
  if (existing) {
    if (existing.kind === kind && existing.name === name && existing.address === address) return [];
    throw new AlreadyExistsError('party-masses service centre', centreId, 'opened with other data');
  }
  if (kind === 'centre' && organisation.centres.some((c) => c.kind === 'centre')) {
    throw new InvalidStateError(`party organisation ${organisationId} already runs a service centre; open a station instead`);
  }
  return [
    {
      type: 'PartyMassesServiceCentreOpened',
      data: { organisationId, communityId: organisation.communityId, centreId, kind, name, address, openedAt: metadata.now },
    },
  ];
}

export const partyOrganisationDecider: Decider<PartyOrganisationCommand, PartyOrganisationEvent, PartyOrganisationState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'EstablishPartyOrganisation':
        return establish({ ...command, metadata }, state);
      case 'AppointFirstSecretary':
        return appointSecretary({ ...command, metadata }, state);
      case 'AppointPartTimeCadre':
        return appointCadre({ ...command, metadata }, state);
      case 'ReleasePartTimeCadre':
        return releaseCadre({ ...command, metadata }, state);
      case 'OpenPartyMassesServiceCentre':
        return openCentre({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown party organisation command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};
