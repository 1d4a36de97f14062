import { uuidv7 } from '@cogov/eventsourcing';
import { COMMAND_EXECUTOR, systemActor, type CommandExecutor } from '@cogov/service-kit';
import { errorOf, SIGN_UP, startVolunteersTestBed, UNKNOWN_ID, type VolunteersTestBed } from '../../../test/volunteers-fixtures.js';
import { volunteerDecider } from '../../volunteer/volunteer.decide.js';
import { volunteerStreamId } from '../../volunteer/volunteer.events.js';

describe('signUpForOpportunity', () => {
  let b: VolunteersTestBed;
  beforeAll(async () => {
    b = await startVolunteersTestBed('sign_up_opportunity');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('signs a volunteer up (quietly the second time) and lists the sign-up', async () => {
    const [opportunityId, volunteerId] = await Promise.all([b.publishOpportunity(), b.registerVolunteer()]);
    const expected = { id: opportunityId, status: 'published', signedUpCount: 1, signUps: [{ volunteerId, stage: 'signed_up', minutesPresent: null, servedMinutes: null }] };
    expect((await b.ok<{ signUpForOpportunity: unknown }>(b.staff, SIGN_UP, { o: opportunityId, v: volunteerId })).signUpForOpportunity).toEqual(expected);
    expect((await b.ok<{ signUpForOpportunity: unknown }>(b.staff, SIGN_UP, { o: opportunityId, v: volunteerId })).signUpForOpportunity).toEqual(expected);
  });

  it('rejects a malformed volunteer id as BAD_USER_INPUT on input.volunteerId', async () => {
    expect(errorOf(await b.t.graphql(b.staff, SIGN_UP, { o: UNKNOWN_ID, v: 'v-1' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.volunteerId' });
  });

  it('answers NOT_FOUND for an unknown volunteer or opportunity, CONFLICT when full, FORBIDDEN outside the jurisdiction', async () => {
    const opportunityId = await b.publishOpportunity({ capacity: 1 });
    const [first, second] = await Promise.all([b.registerVolunteer(), b.registerVolunteer()]);
    expect(errorOf(await b.t.graphql(b.staff, SIGN_UP, { o: opportunityId, v: UNKNOWN_ID })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.staff, SIGN_UP, { o: UNKNOWN_ID, v: first })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, SIGN_UP, { o: opportunityId, v: first })).code).toBe('FORBIDDEN');
    await b.signUp(opportunityId, first);
    expect(errorOf(await b.t.graphql(b.staff, SIGN_UP, { o: opportunityId, v: second })).code).toBe('CONFLICT');
  });

  it('answers CONFLICT for a suspended volunteer', async () => {
    const [opportunityId, volunteerId] = await Promise.all([b.publishOpportunity(), b.registerVolunteer()]);
    // No suspendVolunteer mutation in this slice: the suspension is decided through the executor directly.
    await b.t.app.get<CommandExecutor>(COMMAND_EXECUTOR).execute({
      streamId: volunteerStreamId(volunteerId),
      decider: volunteerDecider,
      command: (metadata) => ({ type: 'SuspendVolunteer' as const, data: { volunteerId, reason: '多次爽约' }, metadata }),
      context: { actor: systemActor('tests'), correlationId: uuidv7(), causationId: uuidv7(), occurredAt: new Date().toISOString() },
      authorize: async () => undefined,
    });
    expect(errorOf(await b.t.graphql(b.staff, SIGN_UP, { o: opportunityId, v: volunteerId })).code).toBe('CONFLICT');
  });
});
