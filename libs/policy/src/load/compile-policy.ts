import { createHash } from 'crypto';
import { stringify } from 'yaml';
import type { BilingualText } from '../contract';
import { isCalendarDate } from '../dates';
import { PolicyFileError } from '../errors';
import { compileMatcher, type MatcherProblem } from '../match/matcher';
import { buildItemIndex } from '../match/item-index';
import { compileScope, type ScopeSpec } from '../match/scope';
import type { CompiledItem, CompiledPolicy, CompiledRule, ItemAmount } from '../model';
import { formatPercent, formatYuan, parsePercent, parseYuan, percentOf } from '../money';
import { compileProcedure, type RawProcedure } from '../procedure';
import { ruleModule, ruleKinds } from '../rules';
import { parsePayment } from '../rules/payment';
import { RULE_STEPS, type CompileEnv } from '../rules/rule-module';
import policySchema from '../schema/policy.schema.json';
import { ajv, describeError, pickError } from './ajv';
import { parseYamlSource, type YamlSource } from './yaml-source';

type Path = (string | number)[];
type RawItem = Record<string, unknown> & { id: string; name: string; article: string; source: string; match: unknown };
type RawRule = Record<string, unknown> & { kind: string; article: string; source: string; name?: string; scope?: ScopeSpec };
interface RawPolicy {
  id: string;
  tenant: string;
  title: string;
  documentNo?: string | null;
  issuers: string[];
  published?: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  districts?: string[];
  items: RawItem[];
  rules?: RawRule[];
  procedure?: RawProcedure;
}

const validatePolicy = ajv.compile(policySchema);
const ruleValidators = new Map<string, ReturnType<typeof ajv.compile>>();

function ruleValidator(kind: string): ReturnType<typeof ajv.compile> | undefined {
  const cached = ruleValidators.get(kind);
  if (cached) return cached;
  const module = ruleModule(kind);
  if (!module) return undefined;
  const validator = ajv.compile({
    type: 'object',
    properties: {
      kind: { const: kind },
      article: {},
      source: {},
      name: {},
      scope: {},
      ...module.properties,
    },
    required: module.required ?? [],
    additionalProperties: false,
  });
  ruleValidators.set(kind, validator);
  return validator;
}

/** Options for files not read from the policy folder (drafts, tests). */
export interface CompileOptions {
  /** Expected `id` (the file name without .yaml) and `tenant` (the folder); checked when given. */
  expectId?: string;
  expectTenant?: string;
}

/** Parses, validates and compiles one policy file. Any problem throws PolicyFileError(`file:line: reason`). */
export function compilePolicyText(file: string, text: string, options: CompileOptions = {}): CompiledPolicy {
  const source = parseYamlSource(file, text);
  if (source.problems.length > 0) {
    const first = source.problems[0];
    throw new PolicyFileError(file, first.line, `YAML: ${first.message}`);
  }
  const hash = createHash('sha256').update(text, 'utf8').digest('hex');
  return compileParsed(source, hash, options);
}

/**
 * Compiles a draft held as a plain object (e.g. edited in a what-if screen). It is written out as YAML first, so
 * errors still read `<name>:<line>: reason`, with lines of that YAML rendering.
 */
export function compilePolicyObject(name: string, draft: unknown): CompiledPolicy {
  return compilePolicyText(name, stringify(draft));
}

function compileParsed(source: YamlSource, hash: string, options: CompileOptions): CompiledPolicy {
  const { file } = source;
  const fail = (path: Path, message: string, atKey = false): never => {
    throw new PolicyFileError(file, source.lineOf(path, { key: atKey }), message, path);
  };
  if (!validatePolicy(source.data)) {
    const error = describeError(pickError(validatePolicy.errors ?? []));
    fail(error.path, `${where(error.path)}${error.message}`, error.atKey);
  }
  const raw = source.data as RawPolicy;
  if (options.expectId !== undefined && raw.id !== options.expectId) {
    fail(['id'], `id "${raw.id}" must equal the file name "${options.expectId}"`);
  }
  if (options.expectTenant !== undefined && raw.tenant !== options.expectTenant) {
    fail(['tenant'], `tenant "${raw.tenant}" must equal the folder name "${options.expectTenant}"`);
  }
  for (const key of ['published', 'effectiveFrom', 'effectiveTo'] as const) {
    const value = raw[key];
    if (typeof value === 'string' && !isCalendarDate(value)) fail([key], `${key} ${value} is not a calendar date`);
  }
  const effectiveTo = raw.effectiveTo ?? null;
  if (effectiveTo !== null && effectiveTo < raw.effectiveFrom) fail(['effectiveTo'], 'effectiveTo is before effectiveFrom');

  const items = compileItems(raw.items, fail);
  const districts = raw.districts ?? [];
  const rules = (raw.rules ?? []).map((rule, index) => compileRule(rule, index, items, districts, raw.effectiveFrom, fail));
  rules.sort((a, b) => RULE_STEPS.indexOf(a.step) - RULE_STEPS.indexOf(b.step) || a.order - b.order);
  const procedure = compileProcedure(raw.procedure, items, fail);

  const itemsByType = new Map<string, CompiledItem[]>();
  for (const item of items) {
    for (const type of item.types) itemsByType.set(type, [...(itemsByType.get(type) ?? []), item]);
  }
  return {
    id: raw.id,
    tenant: raw.tenant,
    title: raw.title,
    documentNo: raw.documentNo ?? null,
    issuers: raw.issuers,
    published: raw.published,
    effectiveFrom: raw.effectiveFrom,
    effectiveTo,
    districts,
    file,
    hash,
    items,
    itemsByType,
    candidates: buildItemIndex(items),
    rules,
    procedure,
  };
}

function where(path: Path): string {
  if (path.length === 0) return '';
  const text = path.reduce<string>((t, p) => (typeof p === 'number' ? `${t}[${p}]` : t ? `${t}.${p}` : p), '');
  return `${text}: `;
}

type Fail = (path: Path, message: string, atKey?: boolean) => never;

function yuanOrFail(value: unknown, path: Path, fail: Fail): number {
  const parsed = parseYuan(value);
  if ('error' in parsed) return fail(path, `${where(path)}${parsed.error}`);
  return parsed.fen;
}

function percentOrFail(value: unknown, path: Path, fail: Fail): number {
  const parsed = parsePercent(value);
  if ('error' in parsed) return fail(path, `${where(path)}${parsed.error}`);
  return parsed.basisPoints;
}

function englishName(match: unknown): string {
  const first = Array.isArray(match) ? match[0] : match;
  if (first === null || typeof first !== 'object') return 'item';
  return Object.values(first as Record<string, unknown>)
    .map((v) => (Array.isArray(v) ? v.join('/') : typeof v === 'object' ? '' : String(v)))
    .filter((v) => v !== '')
    .join(', ');
}

function compileItems(rawItems: RawItem[], fail: Fail): CompiledItem[] {
  const seen = new Map<string, number>();
  rawItems.forEach((item, index) => {
    if (seen.has(item.id)) fail(['items', index, 'id'], `duplicate item id "${item.id}" (also items[${seen.get(item.id)}])`);
    seen.set(item.id, index);
  });
  // Amounts: fixed / ceiling / rate directly; derive after its source, detecting cycles.
  const amounts = new Map<string, { amount: ItemAmount; basis: 'fixed' | 'ceiling' }>();
  const resolving = new Set<string>();
  const resolve = (index: number): { amount: ItemAmount; basis: 'fixed' | 'ceiling' } => {
    const item = rawItems[index];
    const done = amounts.get(item.id);
    if (done) return done;
    const explicitBasis = item.basis as 'fixed' | 'ceiling' | undefined;
    let result: { amount: ItemAmount; basis: 'fixed' | 'ceiling' };
    if (item.fixed !== undefined || item.ceiling !== undefined) {
      const form = item.fixed !== undefined ? 'fixed' : 'ceiling';
      const fen = yuanOrFail(item[form], ['items', index, form], fail);
      const y = formatYuan(fen);
      const describe: BilingualText = form === 'fixed' ? { zh: `给予${y}元`, en: `${y} yuan` } : { zh: `不超过${y}元`, en: `at most ${y} yuan` };
      result = { amount: { form, amountFen: fen, describe }, basis: explicitBasis ?? form };
    } else if (item.rate !== undefined) {
      const rate = item.rate as { percent: unknown; of: string; ceiling?: unknown };
      const basisPoints = percentOrFail(rate.percent, ['items', index, 'rate', 'percent'], fail);
      const ceilingFen = rate.ceiling === undefined ? undefined : yuanOrFail(rate.ceiling, ['items', index, 'rate', 'ceiling'], fail);
      const pct = formatPercent(basisPoints);
      const cap = ceilingFen === undefined ? '' : `，不超过${formatYuan(ceilingFen)}元`;
      const capEn = ceilingFen === undefined ? '' : `, at most ${formatYuan(ceilingFen)} yuan`;
      result = {
        amount: { form: 'rate', basisPoints, of: rate.of, ceilingFen, describe: { zh: `按${rate.of}的${pct}%${cap}`, en: `${pct}% of ${rate.of}${capEn}` } },
        basis: explicitBasis ?? 'ceiling',
      };
    } else {
      const derive = item.derive as { from: string; percent: unknown };
      const from = seen.get(derive.from);
      if (from === undefined) return fail(['items', index, 'derive', 'from'], `derive.from "${derive.from}" is not an item of this file`);
      if (resolving.has(item.id)) return fail(['items', index, 'derive', 'from'], `derive cycle through "${item.id}"`);
      resolving.add(item.id);
      const source = resolve(from);
      resolving.delete(item.id);
      if (source.amount.form === 'rate') return fail(['items', index, 'derive', 'from'], 'cannot derive from a rate item');
      const basisPoints = percentOrFail(derive.percent, ['items', index, 'derive', 'percent'], fail);
      const fen = percentOf(source.amount.amountFen, basisPoints);
      const pct = formatPercent(basisPoints);
      result = {
        amount: {
          form: 'derive',
          amountFen: fen,
          describe: {
            zh: `按“${rawItems[from].name}”${formatYuan(source.amount.amountFen)}元的${pct}%计，${source.basis === 'ceiling' ? '不超过' : ''}${formatYuan(fen)}元`,
            en: `${pct}% of ${derive.from} (${formatYuan(source.amount.amountFen)} yuan) = ${source.basis === 'ceiling' ? 'at most ' : ''}${formatYuan(fen)} yuan`,
          },
        },
        basis: explicitBasis ?? source.basis,
      };
    }
    amounts.set(item.id, result);
    return result;
  };

  return rawItems.map((item, index) => {
    const problems: MatcherProblem[] = [];
    const { matcher, types, requirements } = compileMatcher(item.match, ['items', index, 'match'], problems);
    if (problems.length > 0) fail(problems[0].path, `${where(problems[0].path)}${problems[0].message}`);
    const { amount, basis } = resolve(index);
    const payment =
      item.payment === undefined
        ? undefined
        : parsePayment(
            item.payment as Record<string, unknown>,
            item.article,
            (v, k) => percentOrFail(v, ['items', index, 'payment', ...k], fail),
            (k, m) => fail(['items', index, 'payment', ...k], m),
          );
    return {
      id: item.id,
      name: { zh: item.name, en: (item.en as string | undefined) ?? englishName(item.match) },
      article: item.article,
      source: item.source,
      category: (item.category as string | undefined) ?? types[0] ?? 'other',
      types,
      matches: matcher,
      requirements,
      basis,
      amount,
      stack: item.stack === true,
      payment,
      matchText: { zh: `${item.name}：${amount.describe.zh}`, en: `${(item.en as string | undefined) ?? englishName(item.match)}: ${amount.describe.en}` },
      order: index,
    };
  });
}

function compileRule(
  rule: RawRule,
  index: number,
  items: CompiledItem[],
  districts: string[],
  effectiveFrom: string,
  fail: Fail,
): CompiledRule {
  const at = (key: Path): Path => ['rules', index, ...key];
  const module = ruleModule(rule.kind);
  if (!module) return fail(at(['kind']), `unknown rule kind "${rule.kind}"; known: ${ruleKinds().join(', ')}`);
  const validate = ruleValidator(rule.kind);
  if (validate && !validate(rule)) {
    const error = describeError(pickError(validate.errors ?? []));
    fail(at(error.path), `${rule.kind}: ${where(error.path)}${error.message}`, error.atKey);
  }
  const by = { rule: rule.name ?? rule.kind, article: rule.article, source: rule.source };
  const env: CompileEnv = {
    items,
    districts,
    effectiveFrom,
    by,
    fail: (key, message) => fail(at(key), `${rule.kind}: ${message}`),
    scope: (spec, key = ['scope']) => {
      const { scope, unmatched } = compileScope(spec, items);
      if (unmatched.length > 0) {
        const u = unmatched[0];
        fail(at([...key, u.key, u.index]), `${rule.kind}: scope ${u.key} "${u.glob}" matches no item of this file`);
      }
      return scope;
    },
    yuan: (value, key) => yuanOrFail(value, at(key), fail),
    percent: (value, key) => percentOrFail(value, at(key), fail),
    matcher: (spec, key) => {
      const problems: MatcherProblem[] = [];
      const { matcher } = compileMatcher(spec, at(key), problems);
      if (problems.length > 0) fail(problems[0].path, `${rule.kind}: ${problems[0].message}`);
      return matcher;
    },
  };
  const apply = module.compile(rule, env);
  const window = module.window?.(rule);
  return { kind: rule.kind, step: module.step, article: rule.article, source: rule.source, label: module.label, order: index, apply, ...(window ? { window } : {}) };
}
