import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const NOTE = `mutation ($a: ID!, $n: String!) { noteAppealProgress(input: { appealId: $a, note: $n }) { id status notes { note } } }`;

describe('noteAppealProgress', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('note_appeal_progress');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('answers every note so far, the one just added included, note after note', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'dispatched');
    const notes = ['维修人员已联系', '维修人员已到场', '更换水管中'];
    for (const [i, note] of notes.entries()) {
      const data = await b.ok<{ noteAppealProgress: { notes: { note: string }[] } }>(b.staff, NOTE, { a: appeal, n: note });
      expect(data.noteAppealProgress.notes.map((n) => n.note)).toEqual(notes.slice(0, i + 1));
    }
  });

  it('rejects an empty note as BAD_USER_INPUT on input.note', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'dispatched');
    expect(errorOf(await b.t.graphql(b.staff, NOTE, { a: appeal, n: '' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
  });

  it('answers NOT_FOUND for an unknown appeal', async () => {
    expect(errorOf(await b.t.graphql(b.staff, NOTE, { a: UNKNOWN_ID, n: '进展' })).code).toBe('NOT_FOUND');
  });

  it('answers CONFLICT (INVALID_STATE) for an appeal not dispatched', async () => {
    const appeal = await b.fileAppeal();
    expect(errorOf(await b.t.graphql(b.staff, NOTE, { a: appeal, n: '进展' }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'dispatched');
    expect(errorOf(await b.t.graphql(b.outsider, NOTE, { a: appeal, n: '进展' })).code).toBe('FORBIDDEN');
  });
});
