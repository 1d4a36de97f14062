import type { Decider, DomainEvent } from '@cogov/eventsourcing';
import { DEMO_COMMUNITIES, DEMO_PROPERTY_COMPANIES, demoPairingVolunteerIds } from '@cogov/service-kit';
import { contractChecked } from '@cogov/testing';
import { facilityDecider } from '../facility/facility.decide.js';
import { organisationDecider } from '../organisation/organisation.decide.js';
import { createPairingDecider } from '../pairing/pairing.decide.js';
import { demoPlan, FULL_SCALE, type DemoPlan, type DemoScript } from './demo-data-set.js';

const DAY = 24 * 3_600_000;
/** Ends of history every 9 days over two years: month, quarter and year boundaries all come by. */
const NOWS = Array.from({ length: 80 }, (_, i) => new Date(Date.parse('2026-01-01T03:00:00Z') + i * 9 * DAY + (i % 5) * 5 * 3_600_000));

/** Runs a script through the pure decider as the loader would; every step must decide exactly one event. */
function replay<S>(script: DemoScript, decider: Decider<never, DomainEvent, S>): S {
  let state = decider.initialState();
  let previous = 0;
  for (const step of script.steps) {
    expect(step.at.getTime()).toBeGreaterThanOrEqual(previous);
    previous = step.at.getTime();
    const command = { ...step.command, metadata: { now: step.at.toISOString(), actor: 'system:demo-loader' } } as never;
    const events = decider.decide(command, state);
    if (events.length !== 1) throw new Error(`${script.streamId}: ${step.command.type} at ${step.at.toISOString()} decided ${events.length} events`);
    state = events.reduce(decider.evolve, state);
  }
  return state;
}

const organisations = contractChecked(organisationDecider) as unknown as Decider<never, DomainEvent, { status: string }>;
const pairings = contractChecked(createPairingDecider()) as unknown as Decider<never, DomainEvent, { status: string }>;
const facilities = contractChecked(facilityDecider) as unknown as Decider<never, DomainEvent, { status: string }>;

function check(plan: DemoPlan, now: Date): void {
  const registered = new Set<string>();
  for (const script of plan.organisations) {
    expect(replay(script, organisations).status).toBe('registered');
    registered.add(script.streamId.slice('organisation-'.length));
  }
  for (const script of [...plan.pairings, ...plan.facilities]) {
    const [first] = script.steps;
    const organisationId = first?.command.type === 'EstablishPairing' || first?.command.type === 'OfferSharedFacility' ? first.command.data.organisationId : undefined;
    expect(registered.has(organisationId ?? '')).toBe(true);
    replay(script, script.streamId.startsWith('pairing-') ? pairings : facilities);
  }
  for (const script of [...plan.organisations, ...plan.pairings, ...plan.facilities]) {
    expect(script.steps.every((s) => s.at.getTime() < now.getTime())).toBe(true);
  }
}

describe('organisations demo data set', () => {
  it('replays through the deciders, one event a step, whatever day the history ends on', () => {
    for (const now of NOWS) check(demoPlan(FULL_SCALE, now), now);
  });

  it('gives every organisation its own credit code, the property companies theirs from the demo street', () => {
    const plan = demoPlan(FULL_SCALE, NOWS[0]!);
    const codes = plan.organisations.flatMap((s) => s.steps.flatMap(({ command }) => ('creditCode' in command.data && command.data.creditCode ? [command.data.creditCode] : [])));
    expect(new Set(codes).size).toBe(codes.length);
    for (const company of Object.values(DEMO_PROPERTY_COMPANIES)) expect(codes).toContain(company.creditCode);
  });

  it('names only the pairing volunteers of the pairing’s community in activities', () => {
    const plan = demoPlan(FULL_SCALE, NOWS[40]!);
    const pool = new Set(DEMO_COMMUNITIES.flatMap((c) => demoPairingVolunteerIds(c.key)));
    const named = plan.pairings.flatMap((s) => s.steps.flatMap(({ command }) => (command.type === 'RecordPairingActivity' ? command.data.volunteerIds : [])));
    expect(named.length).toBeGreaterThan(50);
    expect(named.every((id) => pool.has(id))).toBe(true);
  });

  it('is the same plan for the same end of history', () => {
    expect(JSON.stringify(demoPlan(FULL_SCALE, NOWS[3]!))).toBe(JSON.stringify(demoPlan(FULL_SCALE, NOWS[3]!)));
  });
});
