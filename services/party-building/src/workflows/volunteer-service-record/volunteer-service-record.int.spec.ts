import type { ICommand } from '@nestjs/cqrs';
import type pg from 'pg';
import type { CogovCloudEvent } from '@cogov/messaging';
import type { CommandContext, WorkflowCommandOutcome, WorkflowStep } from '@cogov/service-kit';
import { createTestDatabase, type TestDatabase } from '@cogov/testing';
import { CreditPartyMemberServiceHoursCommand } from '../../party-member/credit-party-member-service-hours/credit-party-member-service-hours.handler.js';
import { SERVICE_HOURS_RECORDED, VOLUNTEER_REGISTERED, VolunteerServiceRecordWorkflow } from './volunteer-service-record.workflow.js';

/**
 * The workflow's own logic on the real PostgreSQL, its commands answered by a stub (the e2e spec
 * services/e2e/src/party-member-volunteering.e2e.spec.ts runs it against the real services and broker): above
 * all, ledger records arriving before their volunteer's registration (another stream, another partition).
 */
describe('volunteer-service-record workflow', () => {
  let db: TestDatabase;
  const workflow = new VolunteerServiceRecordWorkflow();
  let credited: CreditPartyMemberServiceHoursCommand['data'][];
  let answer: WorkflowCommandOutcome;
  let n = 0;

  const event = (type: string, data: Record<string, unknown>): CogovCloudEvent =>
    ({
      specversion: '1.0',
      id: `event-${(n += 1)}`,
      source: '/cogov/volunteers',
      type,
      subject: 'stream',
      time: '2026-09-21T02:00:00.000Z',
      datacontenttype: 'application/json',
      data,
      communityid: 'c-1',
      correlationid: `correlation-${n}`,
      causationid: 'cause',
      streamversion: 1,
      actor: 'user:staff-1',
    }) as CogovCloudEvent;

  /** One delivery, in its own transaction as the inbox runs it. */
  async function deliver(cloudEvent: CogovCloudEvent): Promise<void> {
    const client: pg.PoolClient = await db.pool.connect();
    try {
      await client.query('begin');
      const run: WorkflowStep['run'] = async (command) => {
        const built = command({ actor: { subject: 'system' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-09-21T02:00:00.000Z' } as CommandContext) as ICommand;
        credited.push((built as CreditPartyMemberServiceHoursCommand).data);
        return answer;
      };
      await workflow.handle({ event: cloudEvent, client, run, delivery: {} as WorkflowStep['delivery'] });
      await client.query('commit');
    } finally {
      client.release();
    }
  }

  const registered = (volunteerId: string, kind: string, linkedId: string) =>
    event(VOLUNTEER_REGISTERED, { volunteerId, communityId: 'c-1', linkedTo: { kind, id: linkedId } });
  const hours = (volunteerId: string, recordId: string, servedMinutes = 120) =>
    event(SERVICE_HOURS_RECORDED, {
      volunteerId,
      communityId: 'c-1',
      recordId,
      source: { kind: 'pairing_activity', id: 'a-1' },
      activity: '四点半课堂',
      servedOn: '2026-09-20',
      servedMinutes,
      personInChargeId: 'staff-9',
    });
  const outcomes = async () =>
    (await db.pool.query<{ record_id: string; member_id: string; outcome: string; reason: string | null }>(
      'select record_id, member_id, outcome, reason from wf_volunteer_service_credits order by record_id',
    )).rows;

  beforeAll(async () => {
    db = await createTestDatabase('wf_volunteer_service_record');
    for (const ddl of workflow.ddl) await db.pool.query(ddl);
  }, 30_000);
  afterAll(async () => {
    await db?.drop();
  });
  beforeEach(async () => {
    credited = [];
    answer = { ok: true, written: { state: {}, checkpoint: null }, replayed: false };
    await db.pool.query('truncate wf_volunteer_links, wf_parked_service_hours, wf_volunteer_service_credits');
  });

  it("credits a party member's volunteer's hours to the member, and ignores other volunteers'", async () => {
    await deliver(registered('v-1', 'party_member', 'pm-1'));
    await deliver(registered('v-2', 'resident', 'r-1'));
    await deliver(hours('v-1', 'rec-1'));
    await deliver(hours('v-2', 'rec-2'));
    expect(credited).toEqual([
      { memberId: 'pm-1', volunteerId: 'v-1', recordId: 'rec-1', source: { kind: 'pairing_activity', id: 'a-1' }, activity: '四点半课堂', servedOn: '2026-09-20', servedMinutes: 120 },
    ]);
    expect(await outcomes()).toEqual([{ record_id: 'rec-1', member_id: 'pm-1', outcome: 'credited', reason: null }]);
  });

  it('parks hours that arrive before the registration, then credits them (party member) or drops them (anyone else)', async () => {
    await deliver(hours('v-3', 'rec-3', 60));
    await deliver(hours('v-3', 'rec-4', 90));
    await deliver(hours('v-4', 'rec-5'));
    expect(credited).toEqual([]);
    expect((await db.pool.query('select record_id from wf_parked_service_hours order by record_id')).rows.map((r) => r.record_id)).toEqual(['rec-3', 'rec-4', 'rec-5']);

    await deliver(registered('v-3', 'party_member', 'pm-3'));
    await deliver(registered('v-4', 'organisation_staff', 'o-1'));
    expect(credited.map((c) => [c.memberId, c.recordId, c.servedMinutes])).toEqual([
      ['pm-3', 'rec-3', 60],
      ['pm-3', 'rec-4', 90],
    ]);
    expect((await db.pool.query('select count(*)::int as n from wf_parked_service_hours')).rows[0].n).toBe(0);
    expect((await outcomes()).map((o) => [o.record_id, o.outcome])).toEqual([
      ['rec-3', 'credited'],
      ['rec-4', 'credited'],
    ]);
  });

  it('records a refusal (a member party-building does not know) with its reason, and does not retry it', async () => {
    await deliver(registered('v-5', 'party_member', 'pm-unknown'));
    answer = { ok: false, code: 'NOT_FOUND', message: 'party member pm-unknown not found' };
    await deliver(hours('v-5', 'rec-6'));
    expect(await outcomes()).toEqual([{ record_id: 'rec-6', member_id: 'pm-unknown', outcome: 'refused', reason: 'NOT_FOUND: party member pm-unknown not found' }]);
  });
});
