import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '@cogov/domain';
import { uuidv7 } from '@cogov/eventsourcing';
import { systemActor, type CommandContext } from '@cogov/service-kit';
import { UNKNOWN_ID, startTestBed, type TestBed } from '../../../test/party-building-test-bed.js';
import { CreditPartyMemberServiceHoursCommand } from './credit-party-member-service-hours.handler.js';

const SERVICE_RECORD = `query ($c: ID!) { partyMembersOfCommunity(communityId: $c) {
  id serviceRecord { totalMinutes totalHours entries { recordId volunteerId sourceKind sourceId activity servedOn servedMinutes creditedAt } } } }`;

interface Listed {
  partyMembersOfCommunity: { id: string; serviceRecord: { totalMinutes: number; totalHours: number; entries: Record<string, unknown>[] } }[];
}

/** The command the volunteer-service-record workflow runs (no mutation), and the `PartyMember.serviceRecord` it feeds. */
describe('CreditPartyMemberServiceHours', () => {
  let b: TestBed;
  let bus: CommandBus;
  const context = (): CommandContext => ({
    actor: systemActor('workflow:volunteer-service-record'),
    correlationId: uuidv7(),
    causationId: uuidv7(),
    occurredAt: new Date().toISOString(),
  });
  const credit = (memberId: string, recordId: string, servedMinutes: number, servedOn = '2026-03-14') =>
    bus.execute(
      new CreditPartyMemberServiceHoursCommand(
        { memberId, volunteerId: 'v-1', recordId, source: { kind: 'pairing_activity', id: 'a-1' }, activity: '四点半课堂', servedOn, servedMinutes },
        context(),
      ),
    );
  const recordOf = async (memberId: string) => {
    await b.t.catchUp();
    const { partyMembersOfCommunity } = await b.ok<Listed>(b.analyst, SERVICE_RECORD, { c: b.communityId });
    return partyMembersOfCommunity.find((m) => m.id === memberId)!.serviceRecord;
  };

  beforeAll(async () => {
    b = await startTestBed('credit_service_hours');
    bus = b.t.app.get(CommandBus);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('adds each ledger record once to the member’s service record, latest service first, for a read-only analyst too', async () => {
    const memberId = await b.registerMember();
    expect(await recordOf(memberId)).toEqual({ totalMinutes: 0, totalHours: 0, entries: [] });
    const [first, second] = [randomUUID(), randomUUID()];
    await credit(memberId, first, 90, '2026-03-14');
    await credit(memberId, second, 40, '2026-03-15');
    await credit(memberId, first, 90, '2026-03-14');
    const record = await recordOf(memberId);
    expect(record).toMatchObject({ totalMinutes: 130, totalHours: 2.17 });
    expect(record.entries).toEqual([
      { recordId: second, volunteerId: 'v-1', sourceKind: 'pairing_activity', sourceId: 'a-1', activity: '四点半课堂', servedOn: '2026-03-15', servedMinutes: 40, creditedAt: expect.any(String) },
      expect.objectContaining({ recordId: first, servedMinutes: 90 }),
    ]);
  });

  it('refuses an unknown member (NOT_FOUND) and the same record with other minutes (ALREADY_EXISTS)', async () => {
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error instanceof DomainError ? error.code : String(error)));
    expect(await codeOf(credit(UNKNOWN_ID, randomUUID(), 60))).toBe('NOT_FOUND');
    const memberId = await b.registerMember();
    const recordId = randomUUID();
    await credit(memberId, recordId, 60);
    expect(await codeOf(credit(memberId, recordId, 61))).toBe('ALREADY_EXISTS');
  });
});
