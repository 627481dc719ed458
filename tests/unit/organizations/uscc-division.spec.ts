import { matchUsccDivision, usccDivision } from '@subsidy/organizations';
import { makeUscc } from '../../support/factories/uscc';

/** Jinan as a test tenant: the city bureau 370100 and two districts. */
const JINAN = { divisionCode: '370100', districtCodes: ['370102', '370103'] };
/** Guangzhou Huangpu: a district-level tenant whose own code is its only district's. */
const HUANGPU = { divisionCode: '440112', districtCodes: ['440112'] };

describe('matchUsccDivision', () => {
  it('reads the registering office from characters 3-8', () => {
    expect(usccDivision(makeUscc({ division: '370103' }))).toBe('370103');
  });

  it.each([
    ['a code of the declared district', JINAN, '370102', '370102', { ok: true, level: 'district' }],
    ['the other district, declared', JINAN, '370103', '370103', { ok: true, level: 'district' }],
    ["the tenant's own code (city bureau), any district", JINAN, '370100', '370103', { ok: true, level: 'city' }],
    ['a district-level tenant, its own district', HUANGPU, '440112', '440112', { ok: true, level: 'district' }],
  ])('accepts %s', (_name, tenant, division, declared, expected) => {
    expect(matchUsccDivision(makeUscc({ division }), declared, tenant)).toEqual(expected);
  });

  it.each([
    ['another city (Guangzhou 440100)', JINAN, '440100', '370102', 'organization.uscc', /不属于本地区/],
    ["another city's district (Qingdao 370202)", JINAN, '370202', '370102', 'organization.uscc', /370202/],
    ['a national registration (100000), which belongs to no tenant', JINAN, '100000', '370102', 'organization.uscc', /不属于本地区/],
    ["the city above a district-level tenant (Guangzhou 440100 for Huangpu)", HUANGPU, '440100', '440112', 'organization.uscc', /不属于本地区/],
    ['a district of the tenant other than the declared one', JINAN, '370103', '370102', 'organization.districtCode', /与所填所在区（370102）不一致/],
  ])('refuses %s, naming the field', (_name, tenant, division, declared, path, zh) => {
    const match = matchUsccDivision(makeUscc({ division }), declared, tenant);
    expect(match.ok).toBe(false);
    if (match.ok) return;
    expect(match.detail.path).toBe(path);
    expect(match.detail.messageZh).toMatch(zh);
    expect(match.detail.message).toContain(division);
  });
});
