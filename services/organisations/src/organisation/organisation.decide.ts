/**
 * Organisation decisions. Pure: time and actor come from the command metadata.
 *
 * Idempotency, the rule of the organisations and volunteers contexts (as in residents): a command that
 * *asserts a fact* returns [] when the fact already holds exactly, and rejects (AlreadyExistsError or
 * InvalidStateError) when it holds differently; a command that *moves a lifecycle on* rejects outside its
 * source state, repeats included, so that the second of two clerks learns the first was quicker.
 *
 *   social organisation:  incubating ─complete incubation─▶ incubated ─record legal registration─▶ registered
 *
 * A social organisation may also be registered directly at a later stage (an NGO that arrives already
 * incubated or registered). Uniqueness of a credit code across organisations needs a lookup the shell does
 * (a read model or a reservation stream); one stream cannot see the others.
 */
import type { Decider } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  requireMetadata,
  requireNonEmpty,
  requireOneOf,
  ValidationError,
  sameFacts,
  type CommandMetadata,
} from '@cogov/domain';

import {
  INCUBATION_STAGES,
  ORGANISATION_TYPES,
  type IncubationStage,
  type OrganisationEvent,
  type OrganisationRegistered,
  type OrganisationType,
  type SocialOrganisationIncubated,
  type SocialOrganisationLegallyRegistered,
} from './organisation.events.js';
import { evolve, initialState, type OrganisationState } from './organisation.state.js';
import { requireCreditCode } from '@cogov/domain';

export type RegisterOrganisation = {
  type: 'RegisterOrganisation';
  data: {
    organisationId: string;
    communityId: string;
    name: string;
    type: OrganisationType;
    creditCode: string | null;
    incubationStage: IncubationStage | null;
    address: string;
  };
  metadata: CommandMetadata;
};

export type CompleteIncubation = { type: 'CompleteIncubation'; data: { organisationId: string }; metadata: CommandMetadata };

export type RecordLegalRegistration = {
  type: 'RecordLegalRegistration';
  data: { organisationId: string; creditCode: string };
  metadata: CommandMetadata;
};

export type OrganisationCommand = RegisterOrganisation | CompleteIncubation | RecordLegalRegistration;

type Registered = Extract<OrganisationState, { status: 'registered' }>;

function requireSocialOrganisationAt(
  state: OrganisationState,
  organisationId: string,
  stage: IncubationStage,
  doing: string,
): Registered {
  if (state.status === 'empty') throw new NotFoundError('organisation', organisationId);
  if (state.type !== 'social_organisation') {
    throw new InvalidStateError(`organisation ${organisationId} is a ${state.type}; only a social organisation can be ${doing}`);
  }
  if (state.incubationStage !== stage) {
    throw new InvalidStateError(
      `social organisation ${organisationId} is ${state.incubationStage}; only an ${stage} one can be ${doing}`,
    );
  }
  return state;
}

/**
 * Quiet when registered already with identical facts; AlreadyExistsError otherwise. A social organisation
 * needs a stage, and a credit code exactly when registered; every other type needs a code and no stage.
 */
function registerOrganisation({ data, metadata }: RegisterOrganisation, state: OrganisationState): OrganisationRegistered[] {
  const organisationId = requireNonEmpty(data.organisationId, 'data.organisationId');
  const type = requireOneOf(data.type, ORGANISATION_TYPES, 'data.type');
  let incubationStage: IncubationStage | null = null;
  if (type === 'social_organisation') {
    incubationStage = requireOneOf(data.incubationStage, INCUBATION_STAGES, 'data.incubationStage');
  } else if (data.incubationStage !== null) {
    throw new ValidationError('data.incubationStage', 'data.incubationStage must be null unless the type is social_organisation');
  }
  const needsCode = incubationStage === null || incubationStage === 'registered';
  if (!needsCode && data.creditCode !== null) {
    throw new ValidationError('data.creditCode', `data.creditCode must be null while a social organisation is ${incubationStage}`);
  }
  const registered: OrganisationRegistered['data'] = {
    organisationId,
    communityId: requireNonEmpty(data.communityId, 'data.communityId'),
    name: requireNonEmpty(data.name, 'data.name').trim(),
    type,
    creditCode: needsCode ? requireCreditCode(data.creditCode, 'data.creditCode') : null,
    incubationStage,
    address: requireNonEmpty(data.address, 'data.address').trim(),
    registeredAt: metadata.now,
  };
  if (state.status === 'registered') {
    const { registeredAt: _registeredAt, ...repeat } = registered;
    if (sameFacts(state.registration, repeat)) return [];
    throw new AlreadyExistsError('organisation', organisationId, `registered as ${state.registration.name}`);
  }
  return [{ type: 'OrganisationRegistered', data: registered }];
}

/** Lifecycle: only an incubating social organisation completes incubation; a repeat is InvalidStateError. */
function completeIncubation({ data, metadata }: CompleteIncubation, state: OrganisationState): SocialOrganisationIncubated[] {
  const organisationId = requireNonEmpty(data.organisationId, 'data.organisationId');
  const organisation = requireSocialOrganisationAt(state, organisationId, 'incubating', 'marked incubated');
  return [
    {
      type: 'SocialOrganisationIncubated',
      data: { organisationId, communityId: organisation.communityId, incubatedAt: metadata.now },
    },
  ];
}

/**
 * Lifecycle: only an incubated social organisation becomes legally registered (with civil affairs, getting
 * its credit code); a repeat is InvalidStateError.
 */
function recordLegalRegistration(
  { data, metadata }: RecordLegalRegistration,
  state: OrganisationState,
): SocialOrganisationLegallyRegistered[] {
  const organisationId = requireNonEmpty(data.organisationId, 'data.organisationId');
  const creditCode = requireCreditCode(data.creditCode, 'data.creditCode');
  const organisation = requireSocialOrganisationAt(state, organisationId, 'incubated', 'legally registered');
  return [
    {
      type: 'SocialOrganisationLegallyRegistered',
      data: { organisationId, communityId: organisation.communityId, creditCode, legallyRegisteredAt: metadata.now },
    },
  ];
}

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'RegisterOrganisation':
        return registerOrganisation({ ...command, metadata }, state);
      case 'CompleteIncubation':
        return completeIncubation({ ...command, metadata }, state);
      case 'RecordLegalRegistration':
        return recordLegalRegistration({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown organisation command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};

export const decide = organisationDecider.decide;
