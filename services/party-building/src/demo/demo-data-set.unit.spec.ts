import { DEMO_COMMUNITIES, demoHouseholdId, demoId } from '@cogov/service-kit';
import { demoStreetPlans, type DemoCommand, type DemoScript } from './demo-data-set.js';

const NOW = new Date('2026-11-21T06:00:00.000Z');
const plans = demoStreetPlans(NOW);
const ofType = <T extends DemoCommand['type']>(scripts: DemoScript[], type: T) =>
  scripts.flatMap((s) => s.steps.map((step) => step.command)).filter((c): c is Extract<DemoCommand, { type: T }> => c.type === type);

describe('party-building demo plan', () => {
  it('is the same plan for the same now', () => {
    expect(demoStreetPlans(NOW)).toEqual(plans);
  });

  it('registers ~40 members at 幸福里 and ~15 at each other community, at households the residents demo registers', () => {
    plans.forEach((plan, i) => {
      const community = DEMO_COMMUNITIES[i]!;
      const registered = ofType(plan.members, 'RegisterPartyMemberAtCommunity');
      expect(registered).toHaveLength(community.key === 'xingfuli' ? 40 : 15);
      expect(registered.map((c) => c.data.memberId)).toEqual(registered.map((_, n) => demoId('party-member', `${community.key}:${n}`)));
      const households = new Set(Array.from({ length: community.households }, (_, n) => demoHouseholdId(community.key, n)));
      expect(registered.every((c) => households.has(c.data.householdId!))).toBe(true);
      expect(ofType(plan.contacts, 'AssignHouseholdContact').every((c) => households.has(c.data.householdId))).toBe(true);
    });
  });

  it('keeps every stream in time order and in the past, each visit by the contact member of the moment', () => {
    for (const plan of plans) {
      const all = [plan.generalBranch, ...plan.branches, ...plan.members, ...plan.contacts, ...plan.activities];
      expect(new Set(all.map((s) => s.streamId)).size).toBe(all.length);
      for (const script of all) {
        script.steps.forEach((step, i) => {
          expect(step.at.getTime()).toBeLessThan(NOW.getTime());
          if (i > 0) expect(step.at.getTime()).toBeGreaterThan(script.steps[i - 1]!.at.getTime());
        });
      }
      for (const script of plan.contacts) {
        let contact: string | undefined;
        for (const { command } of script.steps) {
          if (command.type === 'AssignHouseholdContact') contact = command.data.memberId;
          if (command.type === 'RecordContactVisit') expect(command.data.memberId).toBe(contact);
        }
      }
    }
    const handedOver = plans.flatMap((p) => p.contacts).filter((s) => ofType([s], 'AssignHouseholdContact').length > 1);
    expect(handedOver.length).toBeGreaterThan(0);
  });

  it('holds activities of every kind over the last six months', () => {
    const activities = plans.flatMap((p) => ofType(p.activities, 'RecordPartyActivityHeld'));
    expect(new Set(activities.map((a) => a.data.kind))).toEqual(new Set(['theme_party_day', 'co_building', 'study_session', 'volunteer_service', 'demonstration_post']));
    expect(new Set(activities.map((a) => a.data.heldOn.slice(0, 7)))).toEqual(new Set(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']));
  });
});
