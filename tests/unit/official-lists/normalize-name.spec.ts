import { NameMatcher, normalizeName } from '@subsidy/official-lists';

/** Pairs that differ in form only: the same key, so an exact match. */
const SAME: Array<[string, string]> = [
  ['中粮（郑州）粮油工业有限公司', '中粮(郑州)粮油工业有限公司'],
  ['中粮 (郑州) 粮油工业有限公司', '中粮(郑州)粮油工业有限公司'],
  ['佳格食品【中国】有限公司', '佳格食品(中国)有限公司'],
  ['ＡＢＣ科技有限公司', 'abc科技有限公司'],
  ['郑州　思念食品有限公司', '郑州思念食品有限公司'],
  ['河南“双汇”实业集团有限责任公司', '河南双汇实业集团有限责任公司'],
  ['郑州市第一—建筑工程有限公司', '郑州市第一-建筑工程有限公司'],
];

/** Pairs that differ in substance: different keys, never merged. */
const DIFFERENT: Array<[string, string]> = [
  ['郑州宇通客车有限公司', '郑州宇通客车有限责任公司'],
  ['山东鲁花集团有限公司', '山东鲁花有限公司'],
  ['中粮(郑州)粮油工业有限公司', '中粮(成都)粮油工业有限公司'],
  ['中粮(郑州)粮油工业有限公司', '中粮郑州粮油工业有限公司'],
  ['益海嘉里(安阳)食品工业有限公司', '益海嘉里(昆山)食品工业有限公司'],
  ['郑州三全食品股份有限公司', '郑州三全食品有限公司'],
  ['安徽燕之坊食品有限公司', '安徽燕之坊食品有限公司郑州分公司'],
];

describe('normalizeName', () => {
  it.each(SAME)('%s and %s get the same key', (a, b) => {
    expect(normalizeName(a)).toBe(normalizeName(b));
  });

  it.each(DIFFERENT)('%s and %s keep different keys', (a, b) => {
    expect(normalizeName(a)).not.toBe(normalizeName(b));
  });
});

describe('NameMatcher', () => {
  const orgs = [
    { id: 'zl-zz', name: '中粮（郑州）粮油工业有限公司', creditCode: '91410100MA00000001' },
    { id: 'yutong', name: '郑州宇通客车有限责任公司', creditCode: '91410100MA00000002' },
    { id: 'sanquan', name: '郑州三全食品股份有限公司', creditCode: '91410100MA00000003' },
    { id: 'twin-a', name: '郑州同名食品有限公司', creditCode: '91410100MA00000004' },
    { id: 'twin-b', name: '郑州同名食品有限公司', creditCode: '91410100MA00000005' },
    { id: 'haoxiang', name: '郑州好想你枣业股份有限公司', creditCode: '91410100MA00000006' },
  ];
  const matcher = new NameMatcher(orgs);

  it('matches the half-width name of the list to the full-width name registered', () => {
    expect(matcher.match('中粮(郑州)粮油工业有限公司', null)).toMatchObject({ status: 'matched', method: 'exact_name', candidate: { id: 'zl-zz' } });
  });

  it('matches by credit code first, whatever the name', () => {
    expect(matcher.match('三全食品', '91410100MA00000003')).toMatchObject({ status: 'matched', method: 'credit_code', candidate: { id: 'sanquan' } });
  });

  it('sends a name differing only in the legal form to review, never matching it', () => {
    const outcome = matcher.match('郑州宇通客车有限公司', null);
    expect(outcome).toEqual({ status: 'review', candidates: [{ candidate: orgs[1], reason: 'legal_form_differs' }] });
  });

  it('sends a name without the brackets to review', () => {
    expect(matcher.match('中粮郑州粮油工业有限公司', null)).toMatchObject({ status: 'review', candidates: [{ candidate: { id: 'zl-zz' }, reason: 'brackets_differ' }] });
  });

  it('sends a name one character off to review', () => {
    expect(matcher.match('郑州好想你枣叶股份有限公司', null)).toMatchObject({ status: 'review', candidates: [{ candidate: { id: 'haoxiang' }, reason: 'edit_distance' }] });
  });

  it('sends a name contained in a registered one to review', () => {
    expect(matcher.match('好想你枣业股份有限公司', null)).toMatchObject({ status: 'review', candidates: [{ candidate: { id: 'haoxiang' }, reason: 'contains' }] });
  });

  it('does not pick between two organizations of the same name', () => {
    const outcome = matcher.match('郑州同名食品有限公司', null);
    expect(outcome.status).toBe('review');
    if (outcome.status === 'review') expect(outcome.candidates.map((c) => [c.candidate.id, c.reason])).toEqual([['twin-a', 'same_name'], ['twin-b', 'same_name']]);
  });

  it('does not match a name when the list gives another credit code', () => {
    expect(matcher.match('郑州三全食品股份有限公司', '91410100MA0000009X')).toMatchObject({ status: 'review', candidates: [{ candidate: { id: 'sanquan' }, reason: 'credit_code_differs' }] });
  });

  it('takes another branch of the group (another place in brackets) for another enterprise, not a near miss', () => {
    expect(matcher.match('中粮(成都)粮油工业有限公司', null)).toEqual({ status: 'unregistered' });
  });

  it('leaves an enterprise registered nowhere here waiting', () => {
    expect(matcher.match('山东鲁花集团有限公司', null)).toEqual({ status: 'unregistered' });
  });
});
