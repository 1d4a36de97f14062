import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { EVENT_STORE_POOL } from '@cogov/eventsourcing';
import { MAIN_DEMO_COMMUNITY, runDemoPlan, type DemoRunSummary, loadedHistoryEnd, DEMO_ACTOR, type DemoLoadOptions as KitDemoLoadOptions, demoCommandFactory } from '@cogov/service-kit';
import { AssignHouseholdContactCommand } from '../household-contact/assign-household-contact/assign-household-contact.handler.js';
import { RecordContactVisitCommand } from '../household-contact/record-contact-visit/record-contact-visit.handler.js';
import { RecordPartyActivityHeldCommand } from '../party-activity/record-party-activity-held/record-party-activity-held.handler.js';
import { EndPartyMemberCommunityRegistrationCommand } from '../party-member/end-party-member-community-registration/end-party-member-community-registration.handler.js';
import { RegisterPartyMemberAtCommunityCommand } from '../party-member/register-party-member-at-community/register-party-member-at-community.handler.js';
import { AppointFirstSecretaryCommand } from '../party-organisation/appoint-first-secretary/appoint-first-secretary.handler.js';
import { AppointPartTimeCadreCommand } from '../party-organisation/appoint-part-time-cadre/appoint-part-time-cadre.handler.js';
import { EstablishPartyOrganisationCommand } from '../party-organisation/establish-party-organisation/establish-party-organisation.handler.js';
import { OpenPartyMassesServiceCentreCommand } from '../party-organisation/open-party-masses-service-centre/open-party-masses-service-centre.handler.js';
import { demoPlan, demoStreetPlans, scaleOf, type DemoCommand, type DemoScale } from './demo-data-set.js';


export type DemoLoadOptions = KitDemoLoadOptions<DemoScale>;

export interface DemoLoadSummary extends DemoRunSummary {
  communityIds: string[];
}

/** The command class of each demo command type. */
const toCommand = demoCommandFactory<DemoCommand>({
  EstablishPartyOrganisation: EstablishPartyOrganisationCommand,
  AppointFirstSecretary: AppointFirstSecretaryCommand,
  AppointPartTimeCadre: AppointPartTimeCadreCommand,
  OpenPartyMassesServiceCentre: OpenPartyMassesServiceCentreCommand,
  RegisterPartyMemberAtCommunity: RegisterPartyMemberAtCommunityCommand,
  EndPartyMemberCommunityRegistration: EndPartyMemberCommunityRegistrationCommand,
  AssignHouseholdContact: AssignHouseholdContactCommand,
  RecordContactVisit: RecordContactVisitCommand,
  RecordPartyActivityHeld: RecordPartyActivityHeldCommand,
});

/**
 * Loads the party-building side of the demo street through the real command handlers (the kit's `runDemoPlan`):
 * a re-run appends nothing, an interrupted run resumes. Phases in dependency order: branches hang under the
 * general branch, contacts need their members registered, activities their organisation.
 */
export async function loadDemo(app: INestApplicationContext, options: DemoLoadOptions = {}): Promise<DemoLoadSummary> {
  // Pinned to where the first run ended the history: a re-run on a later day plans the same history.
  const now = options.now ?? (await loadedHistoryEnd(app.get<pg.Pool>(EVENT_STORE_POOL), (at) => demoPlan(scaleOf(MAIN_DEMO_COMMUNITY), at, MAIN_DEMO_COMMUNITY).generalBranch)) ?? new Date();
  const plans = options.scale ? [demoPlan({ ...scaleOf(MAIN_DEMO_COMMUNITY), ...options.scale }, now, MAIN_DEMO_COMMUNITY)] : demoStreetPlans(now);
  const bus = app.get(CommandBus);
  const summary = await runDemoPlan({
    execute: (command) => bus.execute(command),
    pool: app.get<pg.Pool>(EVENT_STORE_POOL),
    phases: [
      { name: 'organisations', scripts: plans.map((plan) => plan.generalBranch) },
      { name: 'branches', scripts: plans.flatMap((plan) => plan.branches) },
      { name: 'members', scripts: plans.flatMap((plan) => plan.members) },
      { name: 'contacts', scripts: plans.flatMap((plan) => plan.contacts) },
      { name: 'activities', scripts: plans.flatMap((plan) => plan.activities) },
    ],
    toCommand,
    actor: DEMO_ACTOR,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return { ...summary, communityIds: plans.map((plan) => plan.communityId) };
}
