import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { contractCheckedSpecification } from '@cogov/testing';
import { teamDecider, type TeamCommand } from './team.decide.js';
import type { VolunteerTeamDisbanded, VolunteerTeamFormed } from './team.events.js';

const { spec, expectEveryEventToSatisfyItsContract } = contractCheckedSpecification(teamDecider);
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);
const NOW = '2026-09-01T02:00:00.000Z';

function command<C extends TeamCommand>(type: C['type'], data: C['data']): C {
  return { type, data, metadata: { now: NOW, actor: 'user-staff-1' } } as C;
}

const formed: VolunteerTeamFormed = {
  type: 'VolunteerTeamFormed',
  data: { teamId: 't-1', communityId: 'c-1', name: '法律服务队', category: 'judicial', formedAt: NOW },
};
const disbanded: VolunteerTeamDisbanded = {
  type: 'VolunteerTeamDisbanded',
  data: { teamId: 't-1', communityId: 'c-1', reason: '并入街道服务队', disbandedAt: NOW },
};
const form = (category = 'judicial') =>
  command('FormVolunteerTeam', { teamId: 't-1', communityId: 'c-1', name: '法律服务队', category } as never);
const disband = () => command('DisbandVolunteerTeam', { teamId: 't-1', reason: '并入街道服务队' });

describe('volunteer team decider', () => {
  describe('FormVolunteerTeam (quiet when formed identically)', () => {
    it('emits VolunteerTeamFormed', () => {
      spec.given([]).when(form()).then([formed]);
    });
    it('rejects an unknown category and a reused id with another category', () => {
      spec.given([]).when(form('astrology')).thenThrows(ValidationError, field('data.category'));
      spec.given([formed]).when(form('medical')).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when formed again identically', () => {
      spec.given([formed]).when(form()).thenNothing();
    });
  });

  describe('DisbandVolunteerTeam (lifecycle: a repeat rejects)', () => {
    it('emits VolunteerTeamDisbanded', () => {
      spec.given([formed]).when(disband()).then([disbanded]);
    });
    it('rejects an unknown team', () => {
      spec.given([]).when(disband()).thenThrows(NotFoundError);
    });
    it('rejects disbanding twice (second rejection: lifecycle moves are never quiet)', () => {
      spec.given([formed, disbanded]).when(disband()).thenThrows(InvalidStateError);
    });
  });

  it('emits only events that satisfy their public contracts (v1)', () => {
    expectEveryEventToSatisfyItsContract(['VolunteerTeamFormed', 'VolunteerTeamDisbanded']);
  });
});
