import type { Decider, DomainEvent } from '@cogov/eventsourcing';
import { DEMO_COMMUNITIES, demoPairingVolunteerIds } from '@cogov/service-kit';
import { contractChecked, fakeEncryptedField } from '@cogov/testing';
import { hoursLedgerDecider } from '../hours-ledger/hours-ledger.decide.js';
import { opportunityDecider } from '../opportunity/opportunity.decide.js';
import type { OpportunityState } from '../opportunity/opportunity.state.js';
import { teamDecider } from '../team/team.decide.js';
import { volunteerDecider } from '../volunteer/volunteer.decide.js';
import type { VolunteerState } from '../volunteer/volunteer.state.js';
import { demoPlan, scaleOf, type DemoCommand, type DemoPlan, type DemoScript } from './demo-data-set.js';

const DAY = 24 * 3_600_000;
/** Ends of history every 61 days over two years, at different hours: other months, weekdays and year ends. */
const NOWS = Array.from({ length: 12 }, (_, i) => new Date(Date.parse('2026-01-01T03:00:00Z') + i * 61 * DAY + (i % 4) * 7 * 3_600_000));
const ACTOR = 'system:demo-loader';

/** What the handler hands the decider: personal fields encrypted for their subject (here a stand-in). */
function decidable({ type, data }: DemoCommand, now: string): never {
  const metadata = { now, actor: ACTOR };
  switch (type) {
    case 'RegisterVolunteer': {
      const subject = data.volunteerId;
      return { type, data: { ...data, name: fakeEncryptedField(subject), phone: fakeEncryptedField(subject), idNumber: fakeEncryptedField(subject) }, metadata } as never;
    }
    case 'PublishServiceOpportunity':
    case 'RecordServiceHours':
      return { type, data: { ...data, personInChargeName: fakeEncryptedField(data.personInChargeId) }, metadata } as never;
    case 'IssueServiceCertificate':
      return { type, data: { ...data, entropy: data.certificateId.replaceAll('-', '') }, metadata } as never;
    default:
      return { type, data, metadata } as never;
  }
}

/** Runs a script through the pure decider as the loader would; every step must decide exactly one event. */
function replay<S>(script: DemoScript, decider: Decider<never, DomainEvent, S>, before?: (command: DemoCommand) => void): S {
  let state = decider.initialState();
  let previous = 0;
  for (const step of script.steps) {
    if (step.at.getTime() < previous) throw new Error(`${script.streamId}: ${step.command.type} at ${step.at.toISOString()} comes before the step ahead of it`);
    previous = step.at.getTime();
    before?.(step.command);
    const events = decider.decide(decidable(step.command, step.at.toISOString()), state);
    if (events.length !== 1) throw new Error(`${script.streamId}: ${step.command.type} at ${step.at.toISOString()} decided ${events.length} events`);
    state = events.reduce(decider.evolve, state);
  }
  return state;
}

const as = <S>(decider: unknown) => contractChecked(decider as Decider<never, DomainEvent, S>);

/** The plan as the loader runs it, phase after phase, with the cross-aggregate checks the handlers make. */
function check(plan: DemoPlan, now: Date): void {
  const teams = new Set<string>();
  for (const script of plan.teams) {
    replay(script, as(teamDecider));
    teams.add(script.streamId.slice('volunteer-team-'.length));
  }
  const volunteers = new Map<string, VolunteerState>();
  for (const script of plan.volunteers) {
    const state = replay<VolunteerState>(script, as(volunteerDecider), (command) => {
      if (command.type === 'JoinVolunteerTeam') expect(teams.has(command.data.teamId)).toBe(true);
    });
    volunteers.set(script.streamId.slice('volunteer-'.length), state);
  }
  const opportunities = new Map<string, OpportunityState>();
  for (const script of plan.opportunities) {
    const state = replay<OpportunityState>(script, as(opportunityDecider), (command) => {
      if (command.type === 'SignUpForOpportunity') expect(volunteers.get(command.data.volunteerId)?.status).toBe('active');
      if (command.type === 'PublishServiceOpportunity') expect(teams.has(command.data.teamId!)).toBe(true);
    });
    opportunities.set(script.streamId.slice('opportunity-'.length), state);
  }
  for (const script of plan.ledgers) {
    replay(script, as(hoursLedgerDecider), (command) => {
      if (command.type !== 'RecordServiceHours') return;
      expect(volunteers.has(command.data.volunteerId)).toBe(true);
      if (command.data.source.kind !== 'opportunity') return;
      const opportunity = opportunities.get(command.data.source.id!);
      const participation = opportunity?.status === 'empty' ? undefined : opportunity?.participants[command.data.volunteerId];
      expect(participation).toEqual({ stage: 'verified', servedMinutes: command.data.servedMinutes });
    });
  }
  for (const script of [...plan.teams, ...plan.volunteers, ...plan.opportunities, ...plan.ledgers]) {
    expect(script.steps.length).toBeGreaterThan(0);
    expect(script.steps.every((s) => s.at.getTime() < now.getTime())).toBe(true);
  }
}

describe('volunteers demo data set', () => {
  it('replays through the deciders and the handlers’ checks, one event a step, whatever day the history ends on', () => {
    for (const now of NOWS) for (const community of DEMO_COMMUNITIES) check(demoPlan(scaleOf(community), now, community), now);
  });

  it('registers the pairing volunteers before the history and leaves their ledgers and the opportunities to others', () => {
    for (const community of DEMO_COMMUNITIES) {
      const plan = demoPlan(scaleOf(community), NOWS[10]!, community);
      const pairing = new Set(demoPairingVolunteerIds(community.key));
      const start = NOWS[10]!.getTime() - scaleOf(community).days * DAY;
      const registered = plan.volunteers.filter((s) => pairing.has(s.streamId.slice('volunteer-'.length)));
      expect(registered).toHaveLength(pairing.size);
      expect(registered.every((s) => s.steps[0]!.at.getTime() < start)).toBe(true);
      expect(plan.ledgers.some((s) => pairing.has(s.streamId.slice('hours-ledger-'.length)))).toBe(false);
      const signedUp = plan.opportunities.flatMap((s) => s.steps.flatMap(({ command }) => (command.type === 'SignUpForOpportunity' ? [command.data.volunteerId] : [])));
      expect(signedUp.some((id) => pairing.has(id))).toBe(false);
    }
  });

  it('forms an elder-care team in every community and never a party-member vanguard team', () => {
    for (const community of DEMO_COMMUNITIES) {
      const categories = demoPlan(scaleOf(community), NOWS[0]!, community).teams.map((s) => (s.steps[0]!.command.type === 'FormVolunteerTeam' ? s.steps[0]!.command.data.category : ''));
      expect(categories).toContain('elder_care');
      expect(categories).not.toContain('party_member_vanguard');
    }
  });
});
