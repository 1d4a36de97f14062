import { shanghaiDateOf } from '@cogov/domain';
import { errorOf, PERSON_IN_CHARGE, startVolunteersTestBed, UNKNOWN_ID, type VolunteersTestBed } from '../../../test/volunteers-fixtures.js';

const ISSUE = `mutation ($v: ID!, $c: ID!) { issueServiceCertificate(input: { volunteerId: $v, communityId: $c }) { id verificationCode serviceHours starLevel revoked } }`;
const VERIFY_CERTIFICATE = `query ($code: String!) { verifyServiceCertificate(code: $code) { valid revoked serviceHours starLevel issuedOn issuingCommunityId } }`;

describe('issueServiceCertificate and the public verifyServiceCertificate', () => {
  let b: VolunteersTestBed;
  beforeAll(async () => {
    b = await startVolunteersTestBed('issue_certificate');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  const recordHours = (volunteerId: string) =>
    b.ok(
      b.staff,
      `mutation ($i: RecordServiceHoursInput!) { recordServiceHours(input: $i) { totalVerifiedMinutes } }`,
      {
        i: {
          volunteerId,
          communityId: b.communityId,
          source: { kind: 'other', id: null },
          activity: '社区普法',
          servedOn: shanghaiDateOf(new Date().toISOString()),
          place: '社区党群服务中心',
          content: '解答居民法律问题',
          organisingUnit: '和平里社区居委会',
          personInChargeId: 'staff-9',
          personInChargeName: PERSON_IN_CHARGE,
          servedMinutes: 150,
        },
      },
    );

  it('issues a certificate with a fresh random code each time; anyone can verify it without a token, and learns no name', async () => {
    const v = await b.registerVolunteer();
    await recordHours(v);
    const first = await b.ok<{ issueServiceCertificate: { verificationCode: string } }>(b.staff, ISSUE, { v, c: b.communityId });
    const second = await b.ok<{ issueServiceCertificate: { verificationCode: string } }>(b.staff, ISSUE, { v, c: b.communityId });
    expect(first.issueServiceCertificate).toMatchObject({ serviceHours: 2.5, starLevel: 0, revoked: false });
    expect(first.issueServiceCertificate.verificationCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}-[0-9A-Z]{6}$/);
    expect(second.issueServiceCertificate.verificationCode).not.toBe(first.issueServiceCertificate.verificationCode);
    const check = await b.t.graphql(undefined, VERIFY_CERTIFICATE, { code: first.issueServiceCertificate.verificationCode.toLowerCase() });
    expect(check.errors).toBeUndefined();
    expect(check.data).toEqual({
      verifyServiceCertificate: { valid: true, revoked: false, serviceHours: 2.5, starLevel: 0, issuedOn: shanghaiDateOf(new Date().toISOString()), issuingCommunityId: b.communityId },
    });
    const unknown = await b.t.graphql(undefined, VERIFY_CERTIFICATE, { code: '0000A-0000A-0000A-0000A-00000A' });
    expect(unknown.data).toMatchObject({ verifyServiceCertificate: { valid: false, serviceHours: null } });
  });

  it('rejects a malformed code and a malformed volunteer id as BAD_USER_INPUT naming the field', async () => {
    expect(errorOf(await b.t.graphql(undefined, VERIFY_CERTIFICATE, { code: 'ILOU' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(errorOf(await b.t.graphql(b.staff, ISSUE, { v: 'v-1', c: b.communityId }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.volunteerId' });
  });

  it('answers NOT_FOUND for an empty ledger and FORBIDDEN outside the jurisdiction', async () => {
    const v = await b.registerVolunteer();
    expect(errorOf(await b.t.graphql(b.staff, ISSUE, { v, c: b.communityId })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.staff, ISSUE, { v: UNKNOWN_ID, c: b.communityId })).code).toBe('NOT_FOUND');
    await recordHours(v);
    expect(errorOf(await b.t.graphql(b.outsider, ISSUE, { v, c: b.communityId })).code).toBe('FORBIDDEN');
  });
});
