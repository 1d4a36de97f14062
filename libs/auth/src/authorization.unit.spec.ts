import { ERASED } from '@cogov/eventsourcing';
import type { Actor, Role } from './actor.js';
import {
  administersOrganisation,
  canSeePersonalData,
  canWrite,
  coversCommunity,
  coversGrid,
  coversStreet,
} from './authorization.js';
import { maskIdNumber, maskName, maskPhone } from './masking.js';

const actor = (roles: Role[], jurisdiction: Partial<Actor['jurisdiction']>): Actor => ({
  subject: 'u-1',
  roles,
  jurisdiction: { streetIds: [], communityIds: [], gridIds: [], ...jurisdiction },
  clientId: 'console',
});

// Street s-1 has communities c-1 (grids g-1, g-2) and c-2; street s-2 has c-3.
const streetAdmin = actor(['street_admin'], { streetIds: ['s-1'] });
const staff = actor(['community_staff'], { communityIds: ['c-1'] });
const gridWorker = actor(['grid_worker'], { gridIds: ['g-1'] });
const analyst = actor(['agency_analyst'], { streetIds: ['s-1'] });
const service = actor(['service'], { communityIds: ['c-1'] });
// An issuer's mistake put places in its token too: they must not count for this role.
const orgAdmin = actor(['organisation_admin'], { organisationIds: ['o-1'], streetIds: ['s-1'], communityIds: ['c-1'], gridIds: ['g-1'] });

describe('jurisdiction', () => {
  it('a street admin covers every community and grid of the street, when the street is known', () => {
    expect(coversCommunity(streetAdmin, 'c-2', 's-1')).toBe(true);
    expect(coversGrid(streetAdmin, 'g-2', 'c-1', 's-1')).toBe(true);
    expect(coversCommunity(streetAdmin, 'c-3', 's-2')).toBe(false);
    expect(coversCommunity(streetAdmin, 'c-2')).toBe(false);
  });

  it('community staff cover their communities and all their grids', () => {
    expect(coversCommunity(staff, 'c-1', 's-1')).toBe(true);
    expect(coversGrid(staff, 'g-2', 'c-1')).toBe(true);
    expect(coversCommunity(staff, 'c-2', 's-1')).toBe(false);
  });

  it('a grid worker covers their grids, never a whole community', () => {
    expect(coversGrid(gridWorker, 'g-1', 'c-1')).toBe(true);
    expect(coversGrid(gridWorker, 'g-2', 'c-1')).toBe(false);
    expect(coversCommunity(gridWorker, 'c-1', 's-1')).toBe(false);
  });

  it('a role gains no reach from a jurisdiction list that is not its own', () => {
    const staffWithStreet = actor(['community_staff'], { streetIds: ['s-1'], gridIds: ['g-2'] });
    expect(coversCommunity(staffWithStreet, 'c-1', 's-1')).toBe(false);
    expect(coversGrid(staffWithStreet, 'g-2', 'c-1', 's-1')).toBe(false);
    expect(coversStreet(staffWithStreet, 's-1')).toBe(false);
  });

  it('only street-wide roles holding the street cover the whole street', () => {
    expect(coversStreet(streetAdmin, 's-1')).toBe(true);
    expect(coversStreet(analyst, 's-1')).toBe(true);
    expect(coversStreet(analyst, 's-2')).toBe(false);
    expect(coversStreet(staff, 's-1')).toBe(false);
    expect(coversStreet(gridWorker, 's-1')).toBe(false);
  });
});

describe('personal data', () => {
  it('is visible to street admins, community staff and grid workers inside their jurisdiction', () => {
    expect(canSeePersonalData(streetAdmin, { communityId: 'c-1', gridId: 'g-1', streetId: 's-1' })).toBe(true);
    expect(canSeePersonalData(staff, { communityId: 'c-1', gridId: null })).toBe(true);
    expect(canSeePersonalData(gridWorker, { communityId: 'c-1', gridId: 'g-1' })).toBe(true);
  });

  it('is masked outside the jurisdiction', () => {
    expect(canSeePersonalData(staff, { communityId: 'c-2', gridId: 'g-9', streetId: 's-1' })).toBe(false);
    expect(canSeePersonalData(gridWorker, { communityId: 'c-1', gridId: 'g-2' })).toBe(false);
    // A community-level record (no grid) belongs to no grid worker.
    expect(canSeePersonalData(gridWorker, { communityId: 'c-1', gridId: null })).toBe(false);
  });

  it('is always masked for agency analysts and services, even inside their jurisdiction', () => {
    expect(coversCommunity(analyst, 'c-1', 's-1')).toBe(true);
    expect(canSeePersonalData(analyst, { communityId: 'c-1', gridId: 'g-1', streetId: 's-1' })).toBe(false);
    expect(canSeePersonalData(service, { communityId: 'c-1', gridId: 'g-1' })).toBe(false);
    const analystAndStaff = actor(['agency_analyst', 'community_staff'], { streetIds: ['s-1'], communityIds: ['c-1'] });
    expect(canSeePersonalData(analystAndStaff, { communityId: 'c-2', streetId: 's-1' })).toBe(false);
    expect(canSeePersonalData(analystAndStaff, { communityId: 'c-1', streetId: 's-1' })).toBe(true);
  });

  it('agency analysts are read-only', () => {
    expect(canWrite(analyst)).toBe(false);
    expect([streetAdmin, staff, gridWorker, service].every(canWrite)).toBe(true);
  });
});

describe('organisation admin', () => {
  it('administers the organisations of its token, and only as an organisation admin', () => {
    expect(administersOrganisation(orgAdmin, 'o-1')).toBe(true);
    expect(administersOrganisation(orgAdmin, 'o-2')).toBe(false);
    // The same organisation id in another role's token administers nothing.
    expect(administersOrganisation(actor(['street_admin'], { streetIds: ['s-1'], organisationIds: ['o-1'] }), 'o-1')).toBe(false);
    // A jurisdiction built without the list (it is optional) administers nothing.
    expect(administersOrganisation(actor(['organisation_admin'], {}), 'o-1')).toBe(false);
  });

  it('covers no street, community or grid, whatever place ids its token carries', () => {
    expect(coversStreet(orgAdmin, 's-1')).toBe(false);
    expect(coversCommunity(orgAdmin, 'c-1', 's-1')).toBe(false);
    expect(coversGrid(orgAdmin, 'g-1', 'c-1', 's-1')).toBe(false);
  });

  it('never sees personal data and may write nothing in general (only handlers opened to it)', () => {
    expect(canSeePersonalData(orgAdmin, { communityId: 'c-1', gridId: 'g-1', streetId: 's-1' })).toBe(false);
    expect(canWrite(orgAdmin)).toBe(false);
  });
});

describe('masking', () => {
  it.each([
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧***'],
    ['李四', '李*'],
    ['王', '*'],
    ['', ''],
    ['𠮷野家', '𠮷**'],
    [ERASED, ERASED],
  ])('maskName(%s) → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it.each([
    ['110101199003071234', '110***********1234'],
    ['11010119900307123X', '110***********123X'],
    ['110101900307123', '110********7123'],
    ['1234567', '*******'],
    [ERASED, ERASED],
  ])('maskIdNumber(%s) → %s', (id, masked) => expect(maskIdNumber(id)).toBe(masked));

  it.each([
    ['13812345678', '138****5678'],
    ['010-6552', '********'],
    ['010-65521234', '010*****1234'],
    [ERASED, ERASED],
  ])('maskPhone(%s) → %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));
});
