import { allContracts } from '@cogov/contracts';
import type { CogovCloudEvent } from '@cogov/messaging';
import { withoutPersonalData } from './fact-log.js';
import { FACT_KINDS, INTAKE_EVENT_TYPES, factsOf, shanghaiDayStart } from './facts.js';

const contracts = new Map(allContracts().map((c) => [c.cloudEventType, c]));

function eventOf(type: string, data: Record<string, unknown>): CogovCloudEvent {
  return {
    specversion: '1.0',
    id: '01938f6e-7a1c-7c3e-9a4b-000000000001',
    source: '/cogov/x',
    type,
    subject: 's-1',
    time: '2026-10-15T02:00:00.000Z',
    datacontenttype: 'application/json',
    data,
    communityid: String(data.communityId ?? 'c-1'),
    correlationid: 'corr-1',
    causationid: 'cause-1',
    streamversion: 1,
    actor: 'u-1',
  };
}

describe('the facts of the governance view', () => {
  it('reads only event types that have a public contract', () => {
    const unknown = INTAKE_EVENT_TYPES.filter((type) => !contracts.has(type));
    expect(unknown).toEqual([]);
    expect(INTAKE_EVENT_TYPES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(INTAKE_EVENT_TYPES.map((type) => [type]))('derives one fact of a known kind from the example of %s, with no personal data', (type) => {
    const example = (contracts.get(type)!.schema as { examples?: Record<string, unknown>[] }).examples?.[0];
    expect(example).toBeDefined();
    const facts = factsOf(eventOf(type, example!));
    expect(facts).toHaveLength(1);
    const [fact] = facts;
    expect(FACT_KINDS).toContain(fact!.kind);
    expect(fact!.communityId).toBe(example!.communityId);
    expect(Number.isNaN(Date.parse(fact!.at))).toBe(false);
    expect(JSON.stringify(fact)).not.toContain('$pii');
  });

  it('ignores the event types it does not count', () => {
    expect(factsOf(eventOf('cn.cogov.residents.grid-delineated.v1', { communityId: 'c-1' }))).toEqual([]);
  });

  it("dates a business day at its start in Asia/Shanghai", () => {
    expect(shanghaiDayStart('2026-10-01')).toBe('2026-09-30T16:00:00.000Z');
  });

  it('keeps no encrypted field of the event data, at any depth', () => {
    const pii = { $pii: 'v1', subject: 'r-1', iv: 'a', ct: 'b', tag: 'c' };
    expect(withoutPersonalData({ name: pii, linkedTo: { kind: 'resident', id: 'r-1', phone: pii }, list: [{ idNumber: pii, n: 1 }] })).toEqual({
      linkedTo: { kind: 'resident', id: 'r-1' },
      list: [{ n: 1 }],
    });
  });
});
