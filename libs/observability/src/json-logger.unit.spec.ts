import { JsonLogger } from './json-logger.js';
import { REDACTED, redact, redactString } from './redact.js';

const encrypted = { $pii: 'v1', subject: 'r-1', iv: 'q83vEjRWeJCrze8S', ct: 'mQ3x0bZf1k8=', tag: 'AAECAwQFBgcICQoLDA0ODw==' };

function capture(level?: 'log' | 'debug'): { logger: JsonLogger; lines: () => Record<string, unknown>[]; raw: () => string } {
  const out: string[] = [];
  const logger = new JsonLogger({ service: 'residents', write: (line) => out.push(line), ...(level ? { level } : {}) });
  return {
    logger,
    raw: () => out.join(''),
    lines: () => out.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('redact', () => {
  it('drops known personal and credential keys at any depth, whatever their casing', () => {
    expect(
      redact({
        appealId: 'a-1',
        resident: { Name: '张三丰', id_number: '110101199003071234', phone: 13812345678, gridId: 'g-1' },
        headers: { Authorization: 'Bearer eyJ...' },
        items: [{ description: '楼上漏水', category: 'utilities.water' }],
      }),
    ).toEqual({
      appealId: 'a-1',
      resident: { Name: REDACTED, id_number: REDACTED, phone: REDACTED, gridId: 'g-1' },
      headers: { Authorization: REDACTED },
      items: [{ description: REDACTED, category: 'utilities.water' }],
    });
  });

  it('drops anything shaped like an EncryptedField, under any key', () => {
    expect(redact({ payload: { field: encrypted }, list: [encrypted] })).toEqual({
      payload: { field: REDACTED },
      list: [REDACTED],
    });
  });

  it('cuts ID numbers and mobile numbers out of free text', () => {
    expect(redactString('居民 110101199003071234 来电 13812345678，身份证11010119900307123X')).toBe(
      `居民 ${REDACTED} 来电 ${REDACTED}，身份证${REDACTED}`,
    );
    expect(redactString('call +86 138-1234-5678 or 138 1234 5678')).toBe(`call ${REDACTED} or ${REDACTED}`);
  });

  it('leaves ids, positions and times alone', () => {
    const text = 'appeal 01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a06 at position 123456789012345678901 on 2026-11-21T01:02:03.000Z';
    expect(redactString(text)).toBe(text);
  });

  it('survives cycles, errors and bigints', () => {
    const node: Record<string, unknown> = { id: 'n' };
    node['self'] = node;
    expect(redact({ node, position: 12n })).toEqual({ node: { id: 'n', self: '[circular]' }, position: '12' });
    const error = redact(new Error('no resident with phone 13812345678')) as Record<string, unknown>;
    expect(error['message']).toBe(`no resident with phone ${REDACTED}`);
  });
});

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, service, context and msg', () => {
    const { logger, lines, raw } = capture();
    logger.log('relay started', 'OutboxRelay');
    logger.warn({ msg: 'slow append', durationMs: 812, streamId: 'appeal-1' }, 'EventStore');
    expect(raw().split('\n')).toHaveLength(3);
    expect(lines()).toEqual([
      { time: expect.stringMatching(/Z$/), level: 'info', service: 'residents', context: 'OutboxRelay', msg: 'relay started' },
      {
        time: expect.any(String),
        level: 'warn',
        service: 'residents',
        context: 'EventStore',
        msg: 'slow append',
        durationMs: 812,
        streamId: 'appeal-1',
      },
    ]);
  });

  it('never writes personal data, from the message or the fields', () => {
    const { logger, raw } = capture();
    logger.log({ msg: 'resident 110101199003071234 moved in', name: '张三丰', data: { phone: encrypted } }, 'Residents');
    logger.error('failed for 13812345678', 'Error: boom\n    at handler (file.ts:1:1)', 'Residents');
    logger.log({ msg: 'filed', extra: { note: '王五说' } }, 'Appeals');
    for (const secret of ['110101199003071234', '张三丰', '13812345678', 'mQ3x0bZf1k8=', '王五']) {
      expect(raw()).not.toContain(secret);
    }
  });

  it('keeps the stack of errors and cannot be made to lie about its level', () => {
    const { logger, lines } = capture();
    logger.error('append failed', 'Error: boom\n    at append (store.ts:1:1)', 'EventStore');
    logger.log({ msg: 'spoof', level: 'error', time: 'yesterday' });
    expect(lines()[0]).toMatchObject({ level: 'error', context: 'EventStore', stack: expect.stringContaining('at append') });
    expect(lines()[1]).toMatchObject({ level: 'info', msg: 'spoof', time: expect.stringMatching(/Z$/) });
  });

  it('skips levels below the configured one', () => {
    const quiet = capture();
    quiet.logger.debug('detail');
    quiet.logger.verbose('more detail');
    expect(quiet.lines()).toEqual([]);
    const chatty = capture('debug');
    chatty.logger.debug('detail');
    expect(chatty.lines()[0]).toMatchObject({ level: 'debug', msg: 'detail' });
  });
});
