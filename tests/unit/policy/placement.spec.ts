import { divisionCodeOf, placeApplicant, type Placement, type TenantGeography } from '@subsidy/policy';

const weihai: TenantGeography = {
  divisionCode: '371000',
  districts: [
    { code: '371002', name: '环翠区' },
    { code: '371082', name: '荣成市' },
  ],
};
const beijing: TenantGeography = { divisionCode: '110000', districts: [{ code: '110108', name: '海淀区' }] };
const huangpu: TenantGeography = { divisionCode: '440112', districts: [{ code: '440112', name: '黄埔区' }] };

/** A credit code whose registering division (characters 3–8) is `division`. */
const uscc = (division: string): string => `91${division}MA3C4X5Y6Z`;

describe('placing an applicant by the division code of its credit code (calc-contract.md, `district`)', () => {
  const cases: Array<[string, TenantGeography, string, Placement]> = [
    ['a Weihai district code', weihai, '371002', { kind: 'district', district: '环翠区', source: 'credit_code', code: '371002' }],
    ['a county-level city of Weihai', weihai, '371082', { kind: 'district', district: '荣成市', source: 'credit_code', code: '371082' }],
    ['the city bureau itself', weihai, '371000', { kind: 'tenant', code: '371000' }],
    ['a Weihai code the tenant lists no district for', weihai, '371091', { kind: 'tenant', code: '371091' }],
    ['Hangzhou Xihu, another city', weihai, '330106', { kind: 'elsewhere', code: '330106' }],
    ['Jinan, another city of the same province', weihai, '370102', { kind: 'elsewhere', code: '370102' }],
    ['the province above the city: cannot tell', weihai, '370000', { kind: 'unknown' }],
    ['a Beijing district', beijing, '110108', { kind: 'district', district: '海淀区', source: 'credit_code', code: '110108' }],
    ['a Beijing district not listed', beijing, '110229', { kind: 'tenant', code: '110229' }],
    ['Tianjin, for Beijing', beijing, '120101', { kind: 'elsewhere', code: '120101' }],
    ['Huangpu itself', huangpu, '440112', { kind: 'district', district: '黄埔区', source: 'credit_code', code: '440112' }],
    ['Guangzhou city, above Huangpu: cannot tell', huangpu, '440100', { kind: 'unknown' }],
    ['Tianhe, a sister district of Huangpu', huangpu, '440106', { kind: 'elsewhere', code: '440106' }],
  ];
  it.each(cases)('%s', (_name, geography, division, expected) => {
    expect(placeApplicant({ uscc: uscc(division) }, geography)).toEqual(expected);
  });

  it('keeps a declared district whatever the code says', () => {
    expect(placeApplicant({ uscc: uscc('330106'), district: '环翠区' }, weihai)).toEqual({ kind: 'district', district: '环翠区', source: 'declared' });
  });

  it('cannot place without a map or with a code whose division is not digits', () => {
    expect(placeApplicant({ uscc: uscc('371002') }, undefined)).toEqual({ kind: 'unknown' });
    expect(placeApplicant({ uscc: '91ABCDEFMA3C4X5Y6Z' }, weihai)).toEqual({ kind: 'unknown' });
    expect(divisionCodeOf('91ABCDEFMA3C4X5Y6Z')).toBeUndefined();
    expect(divisionCodeOf('91371002MA3C4X5Y6Z')).toBe('371002');
  });
});
