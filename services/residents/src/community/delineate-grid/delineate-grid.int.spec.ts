import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const DELINEATE = `mutation ($c: ID!, $n: String!) { delineateGrid(input: { communityId: $c, name: $n }) { id grids { id name } householdsCount } }`;

describe('delineateGrid', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('delineate_grid');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('adds a grid and answers the community with its grids and the directory counts', async () => {
    const data = await b.ok<{ delineateGrid: { grids: { name: string }[]; householdsCount: number } }>(b.staff, DELINEATE, {
      c: b.communityId,
      n: '第二网格',
    });
    expect(data.delineateGrid.grids.map((g) => g.name)).toEqual(['第一网格', '第二网格']);
    expect(data.delineateGrid.householdsCount).toBe(1);
  });

  it('rejects an empty name as BAD_USER_INPUT on input.name', async () => {
    expect(errorOf(await b.t.graphql(b.staff, DELINEATE, { c: b.communityId, n: ' ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  it('answers NOT_FOUND for an unknown community', async () => {
    expect(errorOf(await b.t.graphql(b.admin, DELINEATE, { c: UNKNOWN_ID, n: '第三网格' })).code).toBe('NOT_FOUND');
  });

  it('answers CONFLICT (ALREADY_EXISTS) for a grid name already used in the community', async () => {
    expect(errorOf(await b.t.graphql(b.staff, DELINEATE, { c: b.communityId, n: '第一网格' }))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    expect(errorOf(await b.t.graphql(b.outsider, DELINEATE, { c: b.communityId, n: '第四网格' })).code).toBe('FORBIDDEN');
  });
});
