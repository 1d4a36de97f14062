import { contractFor, validateEventData } from '@cogov/contracts';
import type { CompoundEvent } from './compound/compound.events.js';
import type { OwnersAssemblyEvent } from './owners-assembly/owners-assembly.events.js';
import type { OwnersCommitteeEvent } from './owners-committee/owners-committee.events.js';
import type { PropertyAssessmentEvent } from './property-assessment/property-assessment.events.js';
import { compoundDecider, type CompoundCommand } from './compound/compound.decide.js';
import type { CompoundState } from './compound/compound.state.js';
import { ContractViolation, contractChecked } from '@cogov/testing';
import type { WorkOrderEvent } from './work-order/work-order.events.js';

type PropertyEvent = CompoundEvent | OwnersAssemblyEvent | OwnersCommitteeEvent | WorkOrderEvent | PropertyAssessmentEvent;

/** Every event type the property deciders emit; the compiler keeps this list complete. */
const eventTypes: Record<PropertyEvent['type'], true> = {
  CompoundRegistered: true,
  CompoundOccupancyRecorded: true,
  PropertyServiceContractSigned: true,
  PropertyServiceContractEnded: true,
  CompoundMarkedRedProperty: true,
  OwnersAssemblyConvened: true,
  OwnersAssemblyRollEntryRecorded: true,
  OwnersAssemblyCandidateNominated: true,
  OwnersAssemblyVotingOpened: true,
  OwnersAssemblyMotionBallotCast: true,
  OwnersAssemblyElectionBallotCast: true,
  OwnersAssemblyMotionCounted: true,
  OwnersAssemblyElectionCounted: true,
  OwnersCommitteePreparatoryGroupFormed: true,
  OwnersCommitteeElected: true,
  OwnersCommitteeFiled: true,
  WorkOrderOpened: true,
  WorkOrderAssigned: true,
  WorkOrderCompleted: true,
  WorkOrderCompletionRejected: true,
  WorkOrderVerified: true,
  PropertyServiceAssessmentOpened: true,
  PropertyServiceCriterionScored: true,
  PropertyServiceAssessmentVetoed: true,
  PropertyServiceAssessmentConcluded: true,
};

describe('property events and their public contracts', () => {
  it.each(Object.keys(eventTypes))('%s has a v1 contract of the property context', (type) => {
    expect(contractFor(type, 1)?.context).toBe('property');
  });

  it('every event the decider specifications make the domain emit is validated against its contract', () => {
    // The specs run each decider through contractChecked; this proves the check bites.
    const broken = contractChecked<CompoundCommand, CompoundEvent, CompoundState>({
      ...compoundDecider,
      decide: (command, state) =>
        compoundDecider.decide(command, state).map((e) => ({ ...e, data: { ...e.data, ownerName: '张三' } }) as unknown as CompoundEvent),
    });
    const register = {
      type: 'RegisterCompound' as const,
      data: { compoundId: 'cp-1', communityId: 'c-1', name: '七区', enclosure: 'open' as const, unitCount: 1, floorAreaHundredthM2: 1 },
      metadata: { now: '2026-01-01T00:00:00.000Z', actor: 'u' },
    };
    expect(() => broken.decide(register, broken.initialState())).toThrow(ContractViolation);
    const [event] = contractChecked(compoundDecider).decide(register, compoundDecider.initialState());
    expect(validateEventData(event!.type, 1, event!.data)).toEqual({ valid: true, errors: [] });
  });
});
