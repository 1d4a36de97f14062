import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { EVENT_STORE_POOL } from '@cogov/eventsourcing';
import { DEMO_COMMUNITIES, MAIN_DEMO_COMMUNITY, runDemoPlan, type DemoRunSummary, loadedHistoryEnd, DEMO_ACTOR, type DemoLoadOptions as KitDemoLoadOptions, demoCommandFactory } from '@cogov/service-kit';
import { BookSharedFacilityCommand } from '../facility/book-shared-facility/book-shared-facility.handler.js';
import { CancelFacilityBookingCommand } from '../facility/cancel-facility-booking/cancel-facility-booking.handler.js';
import { OfferSharedFacilityCommand } from '../facility/offer-shared-facility/offer-shared-facility.handler.js';
import { CompleteIncubationCommand } from '../organisation/complete-incubation/complete-incubation.handler.js';
import { RecordLegalRegistrationCommand } from '../organisation/record-legal-registration/record-legal-registration.handler.js';
import { RegisterOrganisationCommand } from '../organisation/register-organisation/register-organisation.handler.js';
import { AmendPairingPledgeCommand } from '../pairing/amend-pairing-pledge/amend-pairing-pledge.handler.js';
import { DisburseSupportFundCommand } from '../pairing/disburse-support-fund/disburse-support-fund.handler.js';
import { EndPairingCommand } from '../pairing/end-pairing/end-pairing.handler.js';
import { EstablishPairingCommand } from '../pairing/establish-pairing/establish-pairing.handler.js';
import { RecordPairingActivityCommand } from '../pairing/record-pairing-activity/record-pairing-activity.handler.js';
import { ReviewPairingCommand } from '../pairing/review-pairing/review-pairing.handler.js';
import { SetMonthlyThemeCommand } from '../pairing/set-monthly-theme/set-monthly-theme.handler.js';
import { demoPlan, FULL_SCALE, type DemoCommand, type DemoScale } from './demo-data-set.js';


export type DemoLoadOptions = KitDemoLoadOptions<DemoScale>;

export interface DemoLoadSummary extends DemoRunSummary {
  communityIds: string[];
  /** The end of the demo history (ISO-8601). */
  now: string;
}

/** The command class of each demo command type. */
const toCommand = demoCommandFactory<DemoCommand>({
  RegisterOrganisation: RegisterOrganisationCommand,
  CompleteIncubation: CompleteIncubationCommand,
  RecordLegalRegistration: RecordLegalRegistrationCommand,
  EstablishPairing: EstablishPairingCommand,
  AmendPairingPledge: AmendPairingPledgeCommand,
  SetMonthlyTheme: SetMonthlyThemeCommand,
  RecordPairingActivity: RecordPairingActivityCommand,
  DisburseSupportFund: DisburseSupportFundCommand,
  ReviewPairing: ReviewPairingCommand,
  EndPairing: EndPairingCommand,
  OfferSharedFacility: OfferSharedFacilityCommand,
  BookSharedFacility: BookSharedFacilityCommand,
  CancelFacilityBooking: CancelFacilityBookingCommand,
});

/**
 * Loads co-building in the demo street through the real command handlers (the kit's `runDemoPlan`): a re-run
 * appends nothing, an interrupted run resumes. Phases in dependency order: organisations (pairings and
 * facilities check that theirs exists), then pairings and facilities.
 */
export async function loadDemo(app: INestApplicationContext, options: DemoLoadOptions = {}): Promise<DemoLoadSummary> {
  const pool = app.get<pg.Pool>(EVENT_STORE_POOL);
  const scale = { ...FULL_SCALE, ...options.scale };
  const communities = options.scale ? [MAIN_DEMO_COMMUNITY] : DEMO_COMMUNITIES;
  const planAt = (now: Date) => demoPlan(scale, now, communities);
  const now = options.now ?? (await loadedHistoryEnd(pool, (at) => planAt(at).organisations[0])) ?? new Date();
  const plan = planAt(now);
  const bus = app.get(CommandBus);
  const summary = await runDemoPlan({
    execute: (command) => bus.execute(command),
    pool,
    phases: [
      { name: 'organisations', scripts: plan.organisations },
      { name: 'pairings', scripts: plan.pairings },
      { name: 'facilities', scripts: plan.facilities },
    ],
    toCommand,
    actor: DEMO_ACTOR,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return { ...summary, communityIds: plan.communityIds, now: now.toISOString() };
}
