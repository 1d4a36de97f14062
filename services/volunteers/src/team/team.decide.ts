/**
 * Volunteer team decisions. Pure; idempotency as in volunteer.decide.ts.
 *
 *   formed ─disband─▶ disbanded
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
  type CommandMetadata,
} from '@cogov/domain';
import { TEAM_CATEGORIES, type TeamCategory, type TeamEvent, type VolunteerTeamDisbanded, type VolunteerTeamFormed } from './team.events.js';
import { evolve, initialState, type TeamState } from './team.state.js';

export type FormVolunteerTeam = {
  type: 'FormVolunteerTeam';
  data: { teamId: string; communityId: string; name: string; category: TeamCategory };
  metadata: CommandMetadata;
};

export type DisbandVolunteerTeam = {
  type: 'DisbandVolunteerTeam';
  data: { teamId: string; reason: string };
  metadata: CommandMetadata;
};

export type TeamCommand = FormVolunteerTeam | DisbandVolunteerTeam;

/** Quiet when formed already with identical facts (even if since disbanded); AlreadyExistsError otherwise. */
function formTeam({ data, metadata }: FormVolunteerTeam, state: TeamState): VolunteerTeamFormed[] {
  const teamId = requireNonEmpty(data.teamId, 'data.teamId');
  const communityId = requireNonEmpty(data.communityId, 'data.communityId');
  const name = requireNonEmpty(data.name, 'data.name').trim();
  const category = requireOneOf(data.category, TEAM_CATEGORIES, 'data.category');
  if (state.status !== 'empty') {
    if (state.communityId === communityId && state.name === name && state.category === category) return [];
    throw new AlreadyExistsError('volunteer team', teamId, `formed as ${state.name} (${state.category})`);
  }
  return [{ type: 'VolunteerTeamFormed', data: { teamId, communityId, name, category, formedAt: metadata.now } }];
}

/** Lifecycle: only a formed team can be disbanded; disbanding twice is InvalidStateError. */
function disbandTeam({ data, metadata }: DisbandVolunteerTeam, state: TeamState): VolunteerTeamDisbanded[] {
  const teamId = requireNonEmpty(data.teamId, 'data.teamId');
  const reason = requireNonEmpty(data.reason, 'data.reason').trim();
  if (state.status === 'empty') throw new NotFoundError('volunteer team', teamId);
  if (state.status !== 'formed') {
    throw new InvalidStateError(`volunteer team ${teamId} is disbanded; only a formed team can be disbanded`);
  }
  return [{ type: 'VolunteerTeamDisbanded', data: { teamId, communityId: state.communityId, reason, disbandedAt: metadata.now } }];
}

export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'FormVolunteerTeam':
        return formTeam({ ...command, metadata }, state);
      case 'DisbandVolunteerTeam':
        return disbandTeam({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown volunteer team command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};

export const decide = teamDecider.decide;
