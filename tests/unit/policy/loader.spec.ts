import { join } from 'path';
import { compilePolicyText, loadPolicyRepository, PolicyFileError, scanPolicies } from '@subsidy/policy';
import { HEADER, STANDARD_ITEMS } from './support/policy-fixture';

const FIXTURES = join(__dirname, 'fixtures');

/** The `file:line: reason` the loader reports for a policy text. */
function problem(text: string): string {
  try {
    compilePolicyText('p.yaml', text);
  } catch (error) {
    if (error instanceof PolicyFileError) return error.message;
    throw error;
  }
  throw new Error('expected the policy to be rejected');
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('policy loader', () => {
  it('reports a broken fixture file with file, line and reason', () => {
    const { policies, errors } = scanPolicies(join(FIXTURES, 'broken'));
    expect(policies).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/fixtures\/broken\/acme\/acme-2020\.yaml:14: items\[0\]\.ceilng: unknown key "ceilng"$/);
    expect(errors[0].line).toBe(14);
  });

  it('loadPolicyRepository throws the first file error', () => {
    expect(() => loadPolicyRepository(join(FIXTURES, 'broken'))).toThrow(/acme-2020\.yaml:14: /);
  });

  it('loads the valid fixtures with a stable content hash', () => {
    const a = loadPolicyRepository(join(FIXTURES, 'valid'));
    const b = loadPolicyRepository(join(FIXTURES, 'valid'));
    expect(a.versions('acme').map((p) => p.id)).toEqual(['acme-2020', 'acme-2023']);
    expect(a.versions('acme')[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.versions('acme').map((p) => p.hash)).toEqual(b.versions('acme').map((p) => p.hash));
    expect(a.versions('acme')[0].hash).not.toBe(a.versions('acme')[1].hash);
  });

  it('names a missing required key at the item', () => {
    const text = `${HEADER}items:\n  - id: x\n    name: 甲\n    source: "002:1"\n    match: { type: standard }\n    fixed: 1\n`;
    expect(problem(text)).toBe(`p.yaml:${lineOf(text, 'id: x')}: items[0]: missing required key "article"`);
  });

  it('rejects an item with two amounts or none', () => {
    const two = `${HEADER}items:\n  - { id: x, name: 甲, article: 第一条, source: "002:1", match: { type: standard }, fixed: 1, ceiling: 2 }\n`;
    expect(problem(two)).toMatch(/^p\.yaml:10: items\[0\]: an item needs exactly one of fixed, ceiling, derive, rate/);
  });

  it('rejects a fractional YAML number as an amount', () => {
    const text = `${HEADER}items:\n  - { id: x, name: 甲, article: 第一条, source: "002:1", match: { type: standard }, fixed: 7.5 }\n`;
    expect(problem(text)).toMatch(/^p\.yaml:10: items\[0\]\.fixed: /);
  });

  it('rejects an unknown rule kind, listing the known ones', () => {
    const text = `${HEADER}${STANDARD_ITEMS}rules:\n  - { kind: cap_everything, article: 第九条, source: "002:9" }\n`;
    expect(problem(text)).toMatch(new RegExp(`^p\\.yaml:${lineOf(text, 'cap_everything')}: rules\\[0\\]\\.kind: must be one of .*"cap_applicant_year"`));
  });

  it('rejects an unknown key of a rule kind', () => {
    const text = `${HEADER}${STANDARD_ITEMS}rules:\n  - kind: cap_applicant_year\n    article: 第九条\n    source: "002:9"\n    maximum: 100\n`;
    expect(problem(text)).toBe(`p.yaml:${lineOf(text, 'maximum')}: cap_applicant_year: maximum: unknown key "maximum"`);
  });

  it('rejects a scope glob that matches no item', () => {
    const text = `${HEADER}${STANDARD_ITEMS}rules:\n  - kind: cap_group\n    article: 第九条\n    source: "002:9"\n    max: 10\n    scope: { items: ["std.nationl.*"] }\n`;
    expect(problem(text)).toMatch(new RegExp(`^p\\.yaml:${lineOf(text, 'std.nationl')}: cap_group: scope items "std.nationl.\\*" matches no item`));
  });

  it('rejects a derive from an unknown item and derive cycles', () => {
    const unknown = `${HEADER}items:\n  - { id: a, name: 甲, article: 第一条, source: "002:1", match: { type: standard }, derive: { from: b, percent: 20 } }\n`;
    expect(problem(unknown)).toMatch(/^p\.yaml:10: derive\.from "b" is not an item/);
    const cycle = `${HEADER}items:\n  - { id: a, name: 甲, article: 第一条, source: "002:1", match: { type: standard }, derive: { from: b, percent: 20 } }\n  - { id: b, name: 乙, article: 第一条, source: "002:1", match: { type: leader }, derive: { from: a, percent: 20 } }\n`;
    expect(problem(cycle)).toMatch(/derive cycle/);
  });

  it('rejects duplicate item ids, bad dates and a YAML syntax error with their lines', () => {
    const dup = `${HEADER}${STANDARD_ITEMS}  - { id: leader.national, name: 重复, article: 第三条, source: "002:3", match: { type: leader }, fixed: 1 }\n`;
    expect(problem(dup)).toMatch(/duplicate item id "leader\.national"/);
    expect(problem(HEADER.replace('"2020-01-01"', '"2020-02-30"') + STANDARD_ITEMS)).toMatch(/^p\.yaml:5: effectiveFrom 2020-02-30 is not a calendar date/);
    expect(problem(`${HEADER}items: [ { id: x\n`)).toMatch(/^p\.yaml:\d+: YAML: /);
  });

  it('checks that id and tenant agree with the file name and folder', () => {
    expect(() => compilePolicyText('x.yaml', HEADER + STANDARD_ITEMS, { expectId: 'other' })).toThrow(/x\.yaml:1: id "test-2024" must equal the file name "other"/);
    expect(() => compilePolicyText('x.yaml', HEADER + STANDARD_ITEMS, { expectTenant: 'acme' })).toThrow(/x\.yaml:2: tenant "test" must equal the folder name "acme"/);
  });

  it('converts amounts to fen on load and derives percentages', () => {
    const policy = compilePolicyText('p.yaml', HEADER + STANDARD_ITEMS);
    const byId = Object.fromEntries(policy.items.map((i) => [i.id, i]));
    expect(byId['std.national.lead'].amount).toMatchObject({ form: 'ceiling', amountFen: 50_000_000 });
    expect(byId['std.national.participate'].amount).toMatchObject({ form: 'derive', amountFen: 10_000_000 });
    expect(byId['std.national.participate'].basis).toBe('ceiling');
    expect(byId['leader.national'].basis).toBe('fixed');
  });

  it('loads every tenant policy in config/policies', () => {
    const { errors, policies } = scanPolicies(join(__dirname, '..', '..', '..', 'config', 'policies'));
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(policies.some((p) => p.tenant === 'weihai')).toBe(true);
  });
});
