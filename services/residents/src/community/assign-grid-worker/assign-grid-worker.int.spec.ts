import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const ASSIGN = `mutation ($i: AssignGridWorkerInput!) { assignGridWorker(input: $i) { grids { id workerId workerName } } }`;
const WORKER = '0190a000-0000-7000-8000-00000000beef';

describe('assignGridWorker', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('assign_grid_worker');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it("assigns a worker and answers the worker's name at once (read from the directory after its catch-up)", async () => {
    const data = await b.ok<{ assignGridWorker: { grids: { id: string; workerId: string; workerName: string }[] } }>(b.staff, ASSIGN, {
      i: { communityId: b.communityId, gridId: b.gridId, workerId: WORKER, workerName: '李强' },
    });
    expect(data.assignGridWorker.grids).toEqual([{ id: b.gridId, workerId: WORKER, workerName: '李强' }]);
  });

  it('rejects a worker id that is no UUID as BAD_USER_INPUT on input.workerId', async () => {
    const res = await b.t.graphql(b.staff, ASSIGN, { i: { communityId: b.communityId, gridId: b.gridId, workerId: 'li-qiang', workerName: '李强' } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.workerId' });
  });

  it('answers NOT_FOUND for a grid the community does not have', async () => {
    const res = await b.t.graphql(b.staff, ASSIGN, { i: { communityId: b.communityId, gridId: UNKNOWN_ID, workerId: WORKER, workerName: '李强' } });
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    const res = await b.t.graphql(b.outsider, ASSIGN, { i: { communityId: b.communityId, gridId: b.gridId, workerId: WORKER, workerName: '李强' } });
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });
});
