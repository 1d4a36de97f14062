import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const FILE = `mutation ($i: FileAppealInput!) { fileAppeal(input: $i) { id status category channel location description gridId filedAt reopenCount notes { note } } }`;

describe('fileAppeal', () => {
  let b: CommandTestBed;
  let input: Record<string, unknown>;
  beforeAll(async () => {
    b = await startCommandTestBed('file_appeal');
    input = { communityId: b.communityId, gridId: b.gridId, channel: 'hotline', category: 'utilities.water', description: '3号楼漏水', location: '3-2-301' };
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('files an appeal and answers it with the board fields at once; the board lists it', async () => {
    const data = await b.ok<{ fileAppeal: { id: string; filedAt: string } }>(b.staff, FILE, { i: input });
    expect(data.fileAppeal).toMatchObject({ status: 'filed', channel: 'hotline', location: '3-2-301', description: '3号楼漏水', gridId: b.gridId, reopenCount: 0, notes: [] });
    expect(Date.parse(data.fileAppeal.filedAt)).toBeGreaterThan(Date.now() - 60_000);
    const board = await b.ok<{ appealBoard: { edges: { node: { id: string } }[] } }>(
      b.staff,
      `query ($c: ID!) { appealBoard(communityId: $c) { edges { node { id } } } }`,
      { c: b.communityId },
    );
    expect(board.appealBoard.edges.map((e) => e.node.id)).toContain(data.fileAppeal.id);
  });

  it('rejects an unknown channel as BAD_USER_INPUT on input.channel, and an unknown category on category', async () => {
    expect(errorOf(await b.t.graphql(b.staff, FILE, { i: { ...input, channel: 'fax' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channel' });
    expect(errorOf(await b.t.graphql(b.staff, FILE, { i: { ...input, category: 'utilities.wifi' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'category' });
  });

  it('answers NOT_FOUND for a grid the community does not have', async () => {
    expect(errorOf(await b.t.graphql(b.staff, FILE, { i: { ...input, gridId: UNKNOWN_ID } })).code).toBe('NOT_FOUND');
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    expect(errorOf(await b.t.graphql(b.outsider, FILE, { i: input })).code).toBe('FORBIDDEN');
  });
});
