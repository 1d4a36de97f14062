import { errorOf, startVolunteersTestBed, UNKNOWN_ID, type VolunteersTestBed } from '../../../test/volunteers-fixtures.js';

const RECORD = `mutation ($i: RecordVolunteerTrainingInput!) { recordVolunteerTraining(input: $i) { id trainings { course provider completedOn trainingMinutes } } }`;

describe('recordVolunteerTraining', () => {
  let b: VolunteersTestBed;
  const input = (volunteerId: string, overrides: Record<string, unknown> = {}) => ({
    volunteerId,
    course: '应急救护培训',
    provider: '北京市红十字会',
    completedOn: '2026-09-12',
    trainingMinutes: 240,
    ...overrides,
  });
  beforeAll(async () => {
    b = await startVolunteersTestBed('record_volunteer_training');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('records completed courses in order of entry; the volunteer query lists them', async () => {
    const v = await b.registerVolunteer();
    await b.ok(b.staff, RECORD, { i: input(v) });
    const data = await b.ok<{ recordVolunteerTraining: unknown }>(b.staff, RECORD, { i: input(v, { course: '老年人照护技能培训', provider: '朝阳区民政局', trainingMinutes: 180 }) });
    const trainings = [
      { course: '应急救护培训', provider: '北京市红十字会', completedOn: '2026-09-12', trainingMinutes: 240 },
      { course: '老年人照护技能培训', provider: '朝阳区民政局', completedOn: '2026-09-12', trainingMinutes: 180 },
    ];
    expect(data.recordVolunteerTraining).toEqual({ id: v, trainings });
    const read = await b.ok<{ volunteer: unknown }>(b.analyst, `query ($id: ID!) { volunteer(id: $id) { trainings { course provider completedOn trainingMinutes } } }`, { id: v });
    expect(read.volunteer).toEqual({ trainings });
  });

  it('rejects a course completed in the future on data.completedOn, a malformed date and zero minutes', async () => {
    const v = await b.registerVolunteer();
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: input(v, { completedOn: '2999-01-01' }) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'data.completedOn' });
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: input(v, { completedOn: '2026-02-30' }) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.completedOn' });
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: input(v, { trainingMinutes: 0 }) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.trainingMinutes' });
  });

  it('answers NOT_FOUND for an unknown volunteer and FORBIDDEN to staff of another community and to an analyst', async () => {
    const v = await b.registerVolunteer();
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: input(UNKNOWN_ID) })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, RECORD, { i: input(v) })).code).toBe('FORBIDDEN');
    expect(errorOf(await b.t.graphql(b.analyst, RECORD, { i: input(v) })).code).toBe('FORBIDDEN');
  });
});
