import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

const FIELDS = 'compoundId communityId quarter companyId status scores { criterion weight score } vetoItems rating weightedScoreHundredths explanation';
const OPEN = `mutation ($i: OpenPropertyServiceAssessmentInput!) { openPropertyServiceAssessment(input: $i) { ${FIELDS} } }`;
const SCORE = `mutation ($i: ScorePropertyServiceCriterionInput!) { scorePropertyServiceCriterion(input: $i) { ${FIELDS} } }`;
const CONCLUDE = `mutation ($i: ConcludePropertyServiceAssessmentInput!) { concludePropertyServiceAssessment(input: $i) { ${FIELDS} } }`;
/** A quarter long over, so it can be opened and concluded today. */
const QUARTER = '2025-Q2';
const SCORES: Record<string, number> = {
  cleaning: 90,
  security: 85,
  maintenance: 80,
  greening: 95,
  parking_order: 70,
  fee_transparency: 100,
  appeal_satisfaction: 88,
};

describe('property service assessment mutations and queries', () => {
  let t: PropertyTestApp;
  let staff: string;
  beforeAll(async () => {
    t = await startPropertyApp('property_assessment');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('opens, scores and concludes a quarter, and the compound shows its latest rating', async () => {
    const compoundId = await givenCompound(t, staff, { contract: true });
    const opened = await t.graphql(staff, OPEN, { i: { compoundId, quarter: QUARTER } });
    expect(opened.errors).toBeUndefined();
    expect(opened.data?.openPropertyServiceAssessment).toMatchObject({ compoundId, communityId: COMMUNITY, companyId: 'pc-001', status: 'open', rating: null });
    for (const [criterion, score] of Object.entries(SCORES)) {
      const scored = await t.graphql(staff, SCORE, { i: { compoundId, quarter: QUARTER, criterion, score } });
      expect(scored.errors).toBeUndefined();
    }
    const concluded = await t.graphql<{ concludePropertyServiceAssessment: { explanation: string[] } }>(staff, CONCLUDE, { i: { compoundId, quarter: QUARTER } });
    expect(concluded.errors).toBeUndefined();
    // 90×15 + 85×15 + 80×20 + 95×10 + 70×10 + 100×10 + 88×20 = 8635 → good
    expect(concluded.data?.concludePropertyServiceAssessment).toMatchObject({ status: 'concluded', rating: 'good', weightedScoreHundredths: 8635 });
    expect(concluded.data?.concludePropertyServiceAssessment.explanation[0]).toContain('weighted score 86.35 of 100');

    const read = await t.graphql(staff, `query ($c: ID!, $q: String!) { assessment(compoundId: $c, quarter: $q) { rating scores { criterion score } } }`, { c: compoundId, q: QUARTER });
    expect(read.data?.assessment).toMatchObject({ rating: 'good', scores: expect.arrayContaining([{ criterion: 'cleaning', score: 90 }]) });
    const compound = await t.graphql(staff, `query ($id: ID!) { compound(id: $id) { latestAssessment { quarter rating weightedScoreHundredths } } }`, { id: compoundId });
    expect(compound.data?.compound).toEqual({ latestAssessment: { quarter: QUARTER, rating: 'good', weightedScoreHundredths: 8635 } });
  });

  it('names bad fields (BAD_USER_INPUT) before anything is stored', async () => {
    const compoundId = await givenCompound(t, staff, { contract: true });
    const quarter = await t.graphql(staff, OPEN, { i: { compoundId, quarter: '2025Q2' } });
    expect(quarter.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.quarter' });
    const score = await t.graphql(staff, SCORE, { i: { compoundId, quarter: QUARTER, criterion: 'cleaning', score: 101 } });
    expect(score.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.score' });
    const conclude = await t.graphql(staff, CONCLUDE, { i: { compoundId: 'x', quarter: QUARTER } });
    expect(conclude.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.compoundId' });
  });

  it('refuses a compound without contract or an unfinished assessment (CONFLICT), an unopened one (NOT_FOUND), outsiders (FORBIDDEN)', async () => {
    const bare = await givenCompound(t, staff);
    const noContract = await t.graphql(staff, OPEN, { i: { compoundId: bare, quarter: QUARTER } });
    expect(noContract.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const compoundId = await givenCompound(t, staff, { contract: true });
    const unopened = await t.graphql(staff, SCORE, { i: { compoundId, quarter: QUARTER, criterion: 'cleaning', score: 80 } });
    expect(unopened.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await t.graphql(staff, OPEN, { i: { compoundId, quarter: QUARTER } });
    const unscored = await t.graphql(staff, CONCLUDE, { i: { compoundId, quarter: QUARTER } });
    expect(unscored.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    const unknownCriterion = await t.graphql(staff, SCORE, { i: { compoundId, quarter: QUARTER, criterion: 'lighting', score: 80 } });
    expect(unknownCriterion.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
    const forbidden = await t.graphql(outsider, SCORE, { i: { compoundId, quarter: QUARTER, criterion: 'cleaning', score: 80 } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await t.graphql(outsider, `query ($c: ID!) { assessment(compoundId: $c, quarter: "${QUARTER}") { rating } }`, { c: compoundId });
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
