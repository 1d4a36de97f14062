import { randomUUID } from 'node:crypto';
import { eventsTopic } from '@cogov/messaging';
import { eventually } from '@cogov/testing';
import { startSuite, type Suite } from './suite.js';
import { ok, redeliver, storedEvents, waitUntilConsumed } from './workflow-test-kit.js';

interface VolunteerView {
  id: string;
  linkedTo: { kind: string; id: string };
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  teamIds: string[];
}
interface ServiceRecordView {
  totalMinutes: number;
  totalHours: number;
  entries: { recordId: string; volunteerId: string; sourceKind: string; activity: string; servedOn: string; servedMinutes: number }[];
}

/** Asia/Shanghai's date today, as the ledger wants `servedOn`. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Workflow 3 across the real broker: party-building ─PartyMemberRegisteredAtCommunity→ volunteers registers the
 * member's volunteer and enrols them in the community's vanguard team; volunteers ─ServiceHoursRecorded→
 * party-building credits the hours to the member's service record.
 */
describe('workflow 3: a party member volunteering in the community they registered at', () => {
  let suite: Suite;
  let staff: string;
  const communityId = randomUUID();
  const partyBuilding = () => suite.service('party-building');
  const volunteers = () => suite.service('volunteers');
  const volunteeringGroup = () => `${suite.prefix}.cogov.volunteers.party-member-volunteering`;
  const serviceRecordGroup = () => `${suite.prefix}.cogov.party-building.volunteer-service-record`;

  async function registerMember(name: string, phone: string): Promise<string> {
    const data = await ok<{ registerPartyMemberAtCommunity: { id: string } }>(
      partyBuilding(),
      staff,
      `mutation ($i: RegisterPartyMemberAtCommunityInput!) { registerPartyMemberAtCommunity(input: $i) { id } }`,
      { i: { communityId, name, phone, membershipOrganisation: '市供电公司第三党支部' } },
    );
    return data.registerPartyMemberAtCommunity.id;
  }

  const volunteerOf = async (memberId: string): Promise<VolunteerView | undefined> =>
    (
      await ok<{ volunteersOfCommunity: VolunteerView[] }>(
        volunteers(),
        staff,
        `query ($c: ID!) { volunteersOfCommunity(communityId: $c, first: 200) { id linkedTo { kind id } name phone idNumber teamIds } }`,
        { c: communityId },
      )
    ).volunteersOfCommunity.find((v) => v.linkedTo.kind === 'party_member' && v.linkedTo.id === memberId);

  /** The member's volunteer once it is in a team. */
  const enrolledVolunteerOf = (memberId: string): Promise<VolunteerView> =>
    eventually(async () => {
      const volunteer = await volunteerOf(memberId);
      return volunteer !== undefined && volunteer.teamIds.length > 0 && volunteer;
    }, { what: `the volunteer of party member ${memberId} in a team`, timeoutMs: 30_000 });

  const serviceRecordOf = async (memberId: string): Promise<ServiceRecordView> => {
    const { partyMembersOfCommunity } = await ok<{ partyMembersOfCommunity: { id: string; serviceRecord: ServiceRecordView }[] }>(
      partyBuilding(),
      staff,
      `query ($c: ID!) { partyMembersOfCommunity(communityId: $c) {
         id serviceRecord { totalMinutes totalHours entries { recordId volunteerId sourceKind activity servedOn servedMinutes } } } }`,
      { c: communityId },
    );
    return partyMembersOfCommunity.find((m) => m.id === memberId)!.serviceRecord;
  };

  async function recordHours(volunteerId: string, servedMinutes: number, activity = '楼道清理'): Promise<string> {
    const { recordServiceHours } = await ok<{ recordServiceHours: { records: { id: string; activity: string }[] } }>(
      volunteers(),
      staff,
      `mutation ($i: RecordServiceHoursInput!) { recordServiceHours(input: $i) { records { id activity } } }`,
      {
        i: {
          volunteerId,
          communityId,
          source: { kind: 'other', id: null },
          activity,
          servedOn: today(),
          place: '幸福里社区3号楼',
          content: '清理楼道堆放杂物',
          organisingUnit: '幸福里社区居委会',
          personInChargeId: 'staff-9',
          personInChargeName: '司马光',
          servedMinutes,
        },
      },
    );
    return recordServiceHours.records.find((r) => r.activity === activity)!.id;
  }

  const eventsOf = async (service: 'party-building' | 'volunteers', type: string, match: (data: Record<string, unknown>) => boolean) =>
    (await storedEvents(suite.service(service).db.pool, type)).filter((e) => match(e.data));

  beforeAll(async () => {
    suite = await startSuite('wf_party_member_volunteering', ['party-building', 'volunteers']);
    staff = await suite.token({ roles: ['community_staff'], communityIds: [communityId] });
  }, 90_000);

  afterAll(async () => {
    await suite?.close();
  }, 60_000);

  it('makes registered members volunteers of one vanguard team, credits their verified hours, and lets them leave the team when the registration ends', async () => {
    const memberId = await registerMember('李红', '13800000001');
    const volunteer = await enrolledVolunteerOf(memberId);
    // The member's name and phone stay with party-building: the volunteer has none of its own.
    expect(volunteer).toMatchObject({ name: null, phone: null, idNumber: null });
    const [teamId] = volunteer.teamIds;
    const { team } = await ok<{ team: { name: string; category: string; memberIds: string[] } }>(
      volunteers(),
      staff,
      `query ($t: ID!) { team(id: $t) { name category memberIds } }`,
      { t: teamId },
    );
    expect(team).toEqual({ name: '党员先锋志愿服务队', category: 'party_member_vanguard', memberIds: [volunteer.id] });
    const [registered] = await eventsOf('volunteers', 'VolunteerRegistered', (d) => d.volunteerId === volunteer.id);
    expect(registered!.metadata.actor).toBe('system:workflow:party-member-volunteering');

    // A second member joins the same team: the community has one.
    const secondMemberId = await registerMember('王芳', '13800000002');
    const second = await enrolledVolunteerOf(secondMemberId);
    expect(second.teamIds).toEqual([teamId]);
    expect(await eventsOf('volunteers', 'VolunteerTeamFormed', (d) => d.communityId === communityId)).toHaveLength(1);

    const recordId = await recordHours(volunteer.id, 150);
    const record = await eventually(async () => {
      const current = await serviceRecordOf(memberId);
      return current.entries.length > 0 && current;
    }, { what: "the hours in the member's service record", timeoutMs: 30_000 });
    expect(record).toEqual({
      totalMinutes: 150,
      totalHours: 2.5,
      entries: [{ recordId, volunteerId: volunteer.id, sourceKind: 'other', activity: '楼道清理', servedOn: today(), servedMinutes: 150 }],
    });
    expect((await serviceRecordOf(secondMemberId)).totalMinutes).toBe(0);

    await ok(partyBuilding(), staff, `mutation ($m: ID!) { endPartyMemberCommunityRegistration(input: { memberId: $m, reason: "搬离本社区" }) { id } }`, {
      m: memberId,
    });
    await eventually(async () => (await volunteerOf(memberId))?.teamIds.length === 0, { what: 'the volunteer to leave the vanguard team', timeoutMs: 30_000 });
  }, 60_000);

  it('registers, enrols and credits nothing twice when the events are delivered again', async () => {
    const memberId = await registerMember('赵敏', '13800000003');
    const volunteer = await enrolledVolunteerOf(memberId);
    const recordId = await recordHours(volunteer.id, 60);
    await eventually(async () => (await serviceRecordOf(memberId)).totalMinutes === 60, { what: 'the credited hours', timeoutMs: 30_000 });

    // Both relays publishing again (a crash before their checkpoints moved), twice.
    const registration = await eventsOf('party-building', 'PartyMemberRegisteredAtCommunity', (d) => d.memberId === memberId);
    const hours = [
      ...(await eventsOf('volunteers', 'VolunteerRegistered', (d) => d.volunteerId === volunteer.id)),
      ...(await eventsOf('volunteers', 'ServiceHoursRecorded', (d) => d.recordId === recordId)),
    ];
    expect(registration).toHaveLength(1);
    expect(hours).toHaveLength(2);
    await redeliver('party-building', suite.prefix, [...registration, ...registration]);
    await redeliver('volunteers', suite.prefix, [...hours, ...hours]);
    await waitUntilConsumed(volunteeringGroup(), eventsTopic('party-building', suite.prefix));
    await waitUntilConsumed(serviceRecordGroup(), eventsTopic('volunteers', suite.prefix));

    const linked = (d: Record<string, unknown>) => (d.linkedTo as { id: string }).id === memberId;
    expect(await eventsOf('volunteers', 'VolunteerRegistered', linked)).toHaveLength(1);
    expect(await eventsOf('volunteers', 'VolunteerJoinedTeam', (d) => d.volunteerId === volunteer.id)).toHaveLength(1);
    expect(await eventsOf('party-building', 'PartyMemberServiceHoursCredited', (d) => d.recordId === recordId)).toHaveLength(1);
    expect(await serviceRecordOf(memberId)).toMatchObject({ totalMinutes: 60, entries: [{ recordId }] });
    const { rows } = await volunteers().db.pool.query<{ n: number }>('select count(*)::int as n from msg_inbox where consumer = $1 and event_id = $2', [
      volunteeringGroup(),
      registration[0]!.metadata.eventId,
    ]);
    expect(rows[0]!.n).toBe(1);
  }, 60_000);

  it('enrols once when volunteers crashes right after the registration, and credits once when party-building crashes right after the hours', async () => {
    const memberId = await registerMember('周强', '13800000004');
    // Killed while its workflow may be handling the registration: before, between or after the commands and the inbox commit.
    await volunteers().kill();
    await volunteers().start();
    const volunteer = await enrolledVolunteerOf(memberId);
    await waitUntilConsumed(volunteeringGroup(), eventsTopic('party-building', suite.prefix));
    expect(await eventsOf('volunteers', 'VolunteerRegistered', (d) => (d.linkedTo as { id: string }).id === memberId)).toHaveLength(1);
    expect(await eventsOf('volunteers', 'VolunteerJoinedTeam', (d) => d.volunteerId === volunteer.id)).toHaveLength(1);

    const recordId = await recordHours(volunteer.id, 90);
    await partyBuilding().kill();
    await partyBuilding().start();
    await eventually(async () => (await serviceRecordOf(memberId)).totalMinutes === 90, { what: 'the hours credited after the restart', timeoutMs: 30_000 });
    await waitUntilConsumed(serviceRecordGroup(), eventsTopic('volunteers', suite.prefix));
    expect(await eventsOf('party-building', 'PartyMemberServiceHoursCredited', (d) => d.recordId === recordId)).toHaveLength(1);
    expect((await serviceRecordOf(memberId)).entries).toHaveLength(1);
  }, 60_000);
});
