import { contractFor } from '@cogov/contracts';
import type { HouseholdContactEvent } from './household-contact/household-contact.events.js';
import type { PartyActivityEvent } from './party-activity/party-activity.events.js';
import type { PartyMemberEvent } from './party-member/party-member.events.js';
import type { PartyOrganisationEvent } from './party-organisation/party-organisation.events.js';

type PartyBuildingEvent = PartyOrganisationEvent | PartyMemberEvent | HouseholdContactEvent | PartyActivityEvent;

/**
 * Every event type the party-building deciders emit (the compiler keeps the list complete). The decider
 * specifications run each decider through contractChecked, so every event they emit is validated too.
 */
const eventTypes: Record<PartyBuildingEvent['type'], true> = {
  PartyOrganisationEstablished: true,
  FirstSecretaryAppointed: true,
  PartTimeCadreAppointed: true,
  PartTimeCadreReleased: true,
  PartyMassesServiceCentreOpened: true,
  PartyMemberRegisteredAtCommunity: true,
  PartyMemberCommunityRegistrationEnded: true,
  PartyMemberServiceHoursCredited: true,
  HouseholdContactAssigned: true,
  HouseholdContactReleased: true,
  HouseholdContactVisitRecorded: true,
  PartyActivityHeld: true,
};

describe('party-building events and their public contracts', () => {
  it.each(Object.keys(eventTypes))('%s has a v1 contract of the party-building context', (type) => {
    expect(contractFor(type, 1)?.context).toBe('party-building');
  });
});
