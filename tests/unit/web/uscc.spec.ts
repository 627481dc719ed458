import { organizationCodeCheckChar as serverOrgCheck, USCC_ALPHABET as SERVER_ALPHABET, usccCheckChar as serverCheck, validateUscc } from '../../../libs/organizations/src/uscc/uscc';
import { checkUscc, normalizeUscc, organizationCodeCheckChar, USCC_ALPHABET, usccCheckChar } from '../../../apps/web/src/format/uscc';

/** A deterministic generator, so a failure names a code that can be reproduced. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const random = generator(20261207);
const pick = (text: string): string => text[Math.floor(random() * text.length)];

function validCode(): string {
  const authority = pick('123456789ANY');
  const types: Record<string, string> = { '1': '1239', '2': '19', '3': '123459', '4': '19', '5': '1239', '6': '129', '7': '129', '8': '19', '9': '123', A: '19', N: '1239', Y: '1' };
  const division = pick('0123') === '0' ? '100000' : `${pick('1234567')}${pick('0123456789')}${pick('0123456789')}${pick('0123456789')}${pick('0123456789')}${pick('0123456789')}`;
  const body = Array.from({ length: 8 }, () => pick(SERVER_ALPHABET)).join('');
  const first17 = `${authority}${pick(types[authority])}${division}${body}${serverOrgCheck(body)}`;
  return `${first17}${serverCheck(first17)}`;
}

/** Every kind of code a person might type: valid ones, one character changed, swapped, cut short, lower case, foreign characters. */
function codes(): string[] {
  const all: string[] = [];
  for (let i = 0; i < 600; i += 1) {
    const code = validCode();
    all.push(code);
    const at = Math.floor(random() * 18);
    all.push(`${code.slice(0, at)}${pick(`${SERVER_ALPHABET}IOZSVabc-`)}${code.slice(at + 1)}`);
    const swap = Math.floor(random() * 17);
    all.push(`${code.slice(0, swap)}${code[swap + 1]}${code[swap]}${code.slice(swap + 2)}`);
    all.push(code.slice(0, 17), `${code}0`, code.toLowerCase());
  }
  for (let i = 0; i < 600; i += 1) all.push(Array.from({ length: 18 }, () => pick(SERVER_ALPHABET)).join(''));
  all.push('', '91371000MA3C8N5X2L', '91110108MA01XXXXXX', '９１１１０１０８ＭＡ０１');
  return all;
}

describe('the web application’s credit-code check', () => {
  it('uses the server’s alphabet and check characters', () => {
    expect(USCC_ALPHABET).toBe(SERVER_ALPHABET);
    for (let i = 0; i < 500; i += 1) {
      const body = Array.from({ length: 8 }, () => pick(SERVER_ALPHABET)).join('');
      expect(organizationCodeCheckChar(body)).toBe(serverOrgCheck(body));
      const first17 = Array.from({ length: 17 }, () => pick(SERVER_ALPHABET)).join('');
      expect(usccCheckChar(first17)).toBe(serverCheck(first17));
    }
  });

  it('accepts and refuses exactly the codes the server accepts and refuses', () => {
    const all = codes();
    const disagreements = all.filter((code) => checkUscc(code).valid !== validateUscc(code).valid);
    expect(disagreements).toEqual([]);
    // Both outcomes are exercised, many times each.
    expect(all.filter((code) => validateUscc(code).valid).length).toBeGreaterThan(300);
    expect(all.filter((code) => !validateUscc(code).valid).length).toBeGreaterThan(1500);
  });

  it('says in Chinese which character is wrong', () => {
    const code = validCode();
    const wrongCheck = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;
    const result = checkUscc(wrongCheck);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.problem.zh).toContain('第 18 位');
    const short = checkUscc(code.slice(0, 10));
    expect(short.valid || short.problem.zh).toBe('应为 18 位，现为 10 位');
  });

  it('normalizes full-width characters, spaces and lower case as typed', () => {
    expect(normalizeUscc('９１ ３７１０００ma3c8n5x2l')).toBe('91371000MA3C8N5X2L');
  });
});
