import {
  civilCodeArt278Rule,
  countElection,
  countMotion,
  createAssemblyPolicy,
  createVoteRule,
  meets,
  thresholdClassOf,
  turnout,
  weigh,
  type MotionChoice,
  type RollEntry,
} from './assembly-vote.js';

const rule = civilCodeArt278Rule;
const perUnit = createVoteRule({ headcount: 'per_unit' });
/** n units of one owner each, `area` hundredths of a m² each: u1…un, o1…on. */
const roll = (n: number, area = 10_000): RollEntry[] =>
  Array.from({ length: n }, (_, i) => ({ unitId: `u${i + 1}`, ownerId: `o${i + 1}`, areaHundredthM2: area }));
const ballots = (entries: [number, MotionChoice][]) => new Map(entries.map(([i, c]) => [`u${i}`, c]));
const range = (from: number, to: number, choice: MotionChoice): [number, MotionChoice][] =>
  Array.from({ length: to - from + 1 }, (_, i) => [from + i, choice]);

describe('meets: exact fractions by cross-multiplication', () => {
  const twoThirds = rule.participation;
  const half = rule.ordinary;
  const threeQuarters = rule.special;

  it('≥ 2/3 holds at exactly two thirds and fails one short', () => {
    expect(meets(2, 3, twoThirds)).toBe(true);
    expect(meets(200, 300, twoThirds)).toBe(true);
    expect(meets(199, 300, twoThirds)).toBe(false);
    expect(meets(666_667, 1_000_000, twoThirds)).toBe(true); // 3·666667 = 2000001 ≥ 2000000
    expect(meets(666_666, 1_000_000, twoThirds)).toBe(false); // 1999998 < 2000000: 0.666666 is not 2/3
  });
  it('more than half is strict: exactly half fails', () => {
    expect(meets(50, 100, half)).toBe(false);
    expect(meets(51, 100, half)).toBe(true);
    expect(meets(5_000_001, 10_000_000, half)).toBe(true);
  });
  it('≥ 3/4 holds at exactly three quarters', () => {
    expect(meets(75, 100, threeQuarters)).toBe(true);
    expect(meets(74, 100, threeQuarters)).toBe(false);
    expect(meets(3, 4, threeQuarters)).toBe(true);
  });
  it('stays exact where floats would not (huge areas, bigint)', () => {
    const whole = 3 * 2 ** 51; // above 2^53 once multiplied
    expect(meets((2 * whole) / 3, whole, twoThirds)).toBe(true);
    expect(meets((2 * whole) / 3 - 1, whole, twoThirds)).toBe(false);
  });
  it('an empty whole meets nothing', () => {
    expect(meets(0, 0, twoThirds)).toBe(false);
  });
});

describe('weigh: headcount rules (SPC interpretation art. 9)', () => {
  const entries: RollEntry[] = [
    { unitId: 'u1', ownerId: 'dev', areaHundredthM2: 100 },
    { unitId: 'u2', ownerId: 'dev', areaHundredthM2: 200 },
    { unitId: 'u3', ownerId: 'o3', areaHundredthM2: 300 },
  ];
  it('per_owner (default) counts an owner of several units — the developer too — once', () => {
    expect(weigh(entries, 'per_owner')).toEqual({ areaHundredthM2: 600, owners: 2, units: 3 });
  });
  it('per_unit counts each unit', () => {
    expect(weigh(entries, 'per_unit')).toEqual({ areaHundredthM2: 600, owners: 3, units: 3 });
  });
});

describe('turnout (art. 278: ≥ 2/3 of the area AND ≥ 2/3 of the owners take part)', () => {
  it('is valid at exactly 2/3 of both', () => {
    const t = turnout(roll(300), roll(200), rule);
    expect(t).toMatchObject({ areaMet: true, ownersMet: true, met: true });
  });
  it('is invalid one unit short', () => {
    expect(turnout(roll(300), roll(199), rule)).toMatchObject({ areaMet: false, ownersMet: false, met: false });
  });
  it('needs both: enough area from few owners is not enough', () => {
    const big: RollEntry[] = [
      { unitId: 'big', ownerId: 'ob', areaHundredthM2: 700_000 },
      ...roll(9, 10_000).map((e) => ({ ...e })),
    ]; // area 790000: big alone is 88.6% of the area, but 1 of 10 owners
    expect(turnout(big, big.slice(0, 1), rule)).toMatchObject({ areaMet: true, ownersMet: false, met: false });
  });
  it('needs both: enough owners holding little area is not enough', () => {
    const big: RollEntry[] = [{ unitId: 'big', ownerId: 'ob', areaHundredthM2: 700_000 }, ...roll(9, 10_000)];
    expect(turnout(big, big.slice(1), rule)).toMatchObject({ areaMet: false, ownersMet: true, met: false });
  });
});

describe('countMotion', () => {
  it('adopts an ordinary matter with more than half of participants by area and owners', () => {
    // 300 units, 200 take part (exactly 2/3), 101 for (> 100), 99 against.
    const result = countMotion(roll(300), ballots([...range(1, 101, 'for'), ...range(102, 200, 'against')]), rule, 'ordinary');
    expect(result.outcome).toBe('adopted');
    expect(result.tally.for).toEqual({ areaHundredthM2: 1_010_000, owners: 101, units: 101 });
    expect(result.decision).toMatchObject({ areaMet: true, ownersMet: true });
  });
  it('rejects an ordinary matter at exactly half in favour (more than half is strict)', () => {
    const result = countMotion(roll(300), ballots([...range(1, 100, 'for'), ...range(101, 200, 'against')]), rule, 'ordinary');
    expect(result.outcome).toBe('rejected');
  });
  it('counts abstentions as taking part but not in favour', () => {
    const result = countMotion(roll(300), ballots([...range(1, 100, 'for'), ...range(101, 200, 'abstain')]), rule, 'ordinary');
    expect(result.turnout.met).toBe(true);
    expect(result.outcome).toBe('rejected');
  });
  it('adopts a special matter at exactly 3/4 of participants, not one short', () => {
    const at = countMotion(roll(300), ballots([...range(1, 150, 'for'), ...range(151, 200, 'against')]), rule, 'special');
    expect(at.outcome).toBe('adopted');
    const short = countMotion(roll(300), ballots([...range(1, 149, 'for'), ...range(150, 200, 'against')]), rule, 'special');
    expect(short.outcome).toBe('rejected');
  });
  it('the same votes adopt an ordinary matter and reject a special one', () => {
    const votes = ballots([...range(1, 140, 'for'), ...range(141, 200, 'against')]); // 70% in favour
    expect(countMotion(roll(300), votes, rule, 'ordinary').outcome).toBe('adopted');
    expect(countMotion(roll(300), votes, rule, 'special').outcome).toBe('rejected');
  });
  it('decides nothing one unit short of the 2/3 turnout, even if all vote for', () => {
    const result = countMotion(roll(300), ballots(range(1, 199, 'for')), rule, 'ordinary');
    expect(result.outcome).toBe('invalid_turnout');
    expect(result.decision.met).toBe(true);
  });
  it('fails a special matter on headcount when the area is there', () => {
    // 4 units: o1 holds 3 big units, o2..o? small. per_owner: owners o1, o2, o3.
    const entries: RollEntry[] = [
      { unitId: 'a', ownerId: 'o1', areaHundredthM2: 30_000 },
      { unitId: 'b', ownerId: 'o1', areaHundredthM2: 30_000 },
      { unitId: 'c', ownerId: 'o2', areaHundredthM2: 10_000 },
      { unitId: 'd', ownerId: 'o3', areaHundredthM2: 10_000 },
    ];
    const votes = new Map<string, MotionChoice>([
      ['a', 'for'],
      ['b', 'for'],
      ['c', 'for'],
      ['d', 'against'],
    ]);
    const owners = countMotion(entries, votes, rule, 'special');
    expect(owners.decision).toMatchObject({ areaMet: true, ownersMet: false }); // 2 of 3 owners < 3/4
    expect(owners.outcome).toBe('rejected');
    const units = countMotion(entries, votes, perUnit, 'special');
    expect(units.decision).toMatchObject({ areaMet: true, ownersMet: true }); // 3 of 4 units = 3/4
    expect(units.outcome).toBe('adopted');
  });
  it('explains itself', () => {
    const result = countMotion(roll(3), ballots([[1, 'for'], [2, 'for']]), rule, 'ordinary');
    expect(result.explanation).toEqual([
      'turnout: area 200.00 m² of 300.00 m² ≥ 2/3 met; owners 2 of 3 ≥ 2/3 met',
      'ordinary decision (in favour of participants): area 200.00 m² of 200.00 m² > 1/2 met; owners 2 of 2 > 1/2 met',
      'outcome: adopted (headcount per_owner)',
    ]);
  });
  it('applies a configured city rule (e.g. turnout over half)', () => {
    const city = createVoteRule({ participation: { numerator: 1, denominator: 2, inclusive: false } });
    expect(countMotion(roll(300), ballots(range(1, 151, 'for')), city, 'ordinary').outcome).toBe('adopted');
    expect(countMotion(roll(300), ballots(range(1, 150, 'for')), city, 'ordinary').outcome).toBe('invalid_turnout');
  });
});

describe('countElection', () => {
  const approve = (units: number[], ids: string[]) => new Map(units.map((u) => [`u${u}`, ids]));
  const all = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it('elects each candidate with more than half of the participants, up to the seats', () => {
    const votes = new Map([...approve(all(6), ['o1', 'o2']), ...approve([7, 8, 9], ['o3'])]);
    const result = countElection(roll(9), votes, ['o1', 'o2', 'o3'], 2, rule);
    expect(result.elected).toEqual(['o1', 'o2']);
    expect(result.outcome).toBe('elected');
  });
  it('fills only the seats whose candidates pass (partially elected)', () => {
    const votes = new Map([...approve(all(5), ['o1']), ...approve([6, 7, 8, 9], ['o2'])]);
    const result = countElection(roll(9), votes, ['o1', 'o2'], 2, rule);
    expect(result.elected).toEqual(['o1']);
    expect(result.outcome).toBe('partially_elected');
  });
  it('ranks passing candidates beyond the seats by approving owners', () => {
    const votes = new Map([...approve(all(7), ['o1', 'o2']), ...approve([8, 9], ['o1', 'o3'])]);
    // o1: 9, o2: 7, o3: 2 → 2 seats: o1, o2
    const result = countElection(roll(9), votes, ['o1', 'o2', 'o3'], 2, rule);
    expect(result.elected).toEqual(['o1', 'o2']);
  });
  it('elects none of those tied across the last seat', () => {
    const votes = new Map([...approve([1, 2, 3, 4, 5], ['o1', 'o2']), ...approve([6, 7, 8, 9], ['o1', 'o3'])]);
    // o1: 9; o2: 5; o3: 4 → o2 passes (5 of 9), o3 does not: no tie
    expect(countElection(roll(9), votes, ['o1', 'o2', 'o3'], 2, rule).elected).toEqual(['o1', 'o2']);
    const tie = new Map([...approve([1, 2, 3, 4, 5], ['o2']), ...approve([6, 7, 8, 9, 10], ['o3'])]);
    // 10 units: o2 and o3 each 5 of 10 = not more than half → neither passes
    expect(countElection(roll(10), tie, ['o2', 'o3'], 1, rule).outcome).toBe('none_elected');
    const pass = new Map([...approve([1, 2, 3, 4, 5, 6], ['o2', 'o3']), ...approve([7, 8, 9], [])]);
    const result = countElection(roll(9), pass, ['o2', 'o3'], 1, rule);
    expect(result.tiedForLastSeat).toEqual(['o2', 'o3']);
    expect(result.elected).toEqual([]);
    expect(result.outcome).toBe('none_elected');
  });
  it('elects nobody without a valid turnout', () => {
    const votes = approve([1, 2, 3, 4, 5], ['o1']);
    const result = countElection(roll(9), votes, ['o1'], 1, rule);
    expect(result.outcome).toBe('invalid_turnout');
    expect(result.elected).toEqual([]);
  });
});

describe('configuration', () => {
  it('classes maintenance fund, rebuilding and change of use as special by default', () => {
    const policy = createAssemblyPolicy();
    expect(thresholdClassOf(policy, 'maintenance_fund')).toBe('special');
    expect(thresholdClassOf(policy, 'rebuilding')).toBe('special');
    expect(thresholdClassOf(policy, 'change_of_use')).toBe('special');
    expect(thresholdClassOf(policy, 'committee_election')).toBe('ordinary');
    expect(thresholdClassOf(policy, 'management_rules')).toBe('ordinary');
  });
  it('rejects a bad configuration at start-up', () => {
    expect(() => createVoteRule({ special: { numerator: 5, denominator: 4, inclusive: true } })).toThrow(RangeError);
    expect(() => createVoteRule({ ordinary: { numerator: 0.5, denominator: 1, inclusive: false } })).toThrow(RangeError);
    expect(() => createVoteRule({ headcount: 'per_head' as never })).toThrow(RangeError);
    expect(() => createAssemblyPolicy({ specialMatters: ['committee_election'] })).toThrow(RangeError);
    expect(() => createAssemblyPolicy({ specialMatters: ['fireworks'] })).toThrow(RangeError);
  });
});
