import { organizationCodeCheckChar, USCC_AUTHORITY_TYPES, usccCheckChar, validateUscc } from '@subsidy/organizations';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsUscc } from '@subsidy/organizations';
import { makeUscc } from '../../support/factories/uscc';

/** Replaces one character (1-based position) of a code. */
const withChar = (code: string, position: number, char: string): string => `${code.slice(0, position - 1)}${char}${code.slice(position)}`;

/** Recomputes both check characters so a test isolates the one rule it targets. */
const rechecked = (first16: string): string => {
  const first17 = `${first16}${organizationCodeCheckChar(first16.slice(8, 16))}`;
  return `${first17}${usccCheckChar(first17)}`;
};

describe('validateUscc', () => {
  describe('accepts', () => {
    const valid: Array<[string, string]> = [
      // Widely cited public example; verified by hand: org code M000100Y check 4, overall check 3.
      ['published example (Fuzhou enterprise)', '91350100M000100Y43'],
      ['enterprise, Jinan', makeUscc({ authority: '9', type: '1', division: '370100', body: 'MA3C4D5E' })],
      ['individual business', makeUscc({ authority: '9', type: '2', division: '370102', body: '12345678' })],
      ['farmers co-operative', makeUscc({ authority: '9', type: '3', division: '371000' })],
      ['public institution (机构编制)', makeUscc({ authority: '1', type: '2', division: '110000', body: '40000062' })],
      ['social organisation (民政)', makeUscc({ authority: '5', type: '1', division: '440100' })],
      ['foundation (民政)', makeUscc({ authority: '5', type: '3', division: '310000' })],
      ['law firm (司法行政)', makeUscc({ authority: '3', type: '1', division: '320100' })],
      ['other (Y1)', makeUscc({ authority: 'Y', type: '1', division: '500000' })],
      ['national-level registration 100000', makeUscc({ authority: '1', type: '1', division: '100000' })],
    ];
    it.each(valid)('%s: %s', (_label, code) => {
      expect(validateUscc(code)).toEqual({ valid: true });
    });

    it('computes the organization-code check as X when 11 - sum mod 11 is 10, and 0 when it is 11', () => {
      // 4 * weight 3 = 12, 12 mod 11 = 1, 11 - 1 = 10 -> X; an all-zero body sums to 0, 11 - 0 = 11 -> 0.
      expect(organizationCodeCheckChar('40000000')).toBe('X');
      expect(organizationCodeCheckChar('00000000')).toBe('0');
    });

    it('accepts codes whose organization-code check character is X', () => {
      const code = rechecked('91370100' + '40000000');
      expect(code[16]).toBe('X');
      expect(validateUscc(code)).toEqual({ valid: true });
    });
  });

  describe('rejects, saying why', () => {
    const base = makeUscc({ body: 'MA3C4D5E' });
    const invalid: Array<[string, unknown, RegExp]> = [
      ['not a string', 91350100, /must be a string/],
      ['too short', base.slice(0, 17), /exactly 18 characters \(got 17\)/],
      ['too long', `${base}0`, /exactly 18 characters \(got 19\)/],
      ['empty', '', /exactly 18 characters \(got 0\)/],
      ['lower-case letter', base.toLowerCase(), /must be upper case/],
      ['letter I (excluded from the alphabet)', withChar(base, 10, 'I'), /character 10 \("I"\) is not allowed/],
      ['letter O', withChar(base, 12, 'O'), /character 12 \("O"\) is not allowed/],
      ['letter S', withChar(base, 9, 'S'), /character 9 \("S"\) is not allowed/],
      ['letter V', withChar(base, 11, 'V'), /not allowed/],
      ['letter Z', withChar(base, 13, 'Z'), /not allowed/],
      ['full-width digit', withChar(base, 3, '３'), /character 3 \("３"\) is not allowed/],
      ['unknown registration authority B', rechecked('B1370100MA3C4D5E'), /character 1 \("B"\) is not a registration authority code/],
      ['unknown registration authority 0', rechecked('01370100MA3C4D5E'), /character 1 \("0"\) is not a registration authority/],
      ['type 4 under market regulation (9)', rechecked('94370100MA3C4D5E'), /character 2 \("4"\) is not an organization type of registration authority "9"/],
      ['type 9 under market regulation (9)', rechecked('99370100MA3C4D5E'), /organization type of registration authority "9"/],
      ['type 4 under civil affairs (5)', rechecked('54370100MA3C4D5E'), /registration authority "5"/],
      ['type 2 under "other" (Y)', rechecked('Y2370100MA3C4D5E'), /registration authority "Y"/],
      ['letter in the division code', rechecked('9137A100MA3C4D5E'), /characters 3-8 \("37A100"\) must be a 6-digit administrative division code/],
      ['division with no such province', rechecked('91990100MA3C4D5E'), /no province 99/],
      ['wrong organization-code check (position 17)', withChar(base, 17, base[16] === '1' ? '2' : '1'), /character 17 is the organization code's check character/],
      ['wrong overall check (position 18)', withChar(base, 18, base[17] === '1' ? '2' : '1'), /character 18 is the check character and should be/],
      ['published example with its last character changed', '91350100M000100Y44', /character 18 .* should be "3", not "4"/],
      ['published example with two body digits swapped', '91350100M001000Y43', /character 17/],
    ];
    it.each(invalid)('%s', (_label, code, reason) => {
      const result = validateUscc(code);
      expect(result.valid).toBe(false);
      expect(result.valid ? '' : result.reason).toMatch(reason);
    });
  });

  it('allows exactly the authority/type combinations of the standard', () => {
    expect(USCC_AUTHORITY_TYPES['9']).toBe('123');
    expect(USCC_AUTHORITY_TYPES.Y).toBe('1');
    for (const [authority, types] of Object.entries(USCC_AUTHORITY_TYPES)) {
      for (const type of '123456789') {
        const code = rechecked(`${authority}${type}370100MA3C4D5E`);
        expect({ authority, type, valid: validateUscc(code).valid }).toEqual({ authority, type, valid: types.includes(type) });
      }
    }
  });
});

describe('@IsUscc', () => {
  class Holder {
    @IsUscc()
    uscc!: unknown;
  }

  it('passes a valid code and explains an invalid one in the message', () => {
    expect(validateSync(plainToInstance(Holder, { uscc: '91350100M000100Y43' }))).toEqual([]);
    const [error] = validateSync(plainToInstance(Holder, { uscc: '91350100M000100Y44' }));
    expect(error.property).toBe('uscc');
    expect(Object.values(error.constraints ?? {})).toEqual(['uscc is not a valid unified social credit code: character 18 is the check character and should be "3", not "4"']);
  });
});
