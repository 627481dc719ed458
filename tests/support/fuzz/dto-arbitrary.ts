import { Type } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import fc from 'fast-check';
import { kindOf } from './id-registry';

/** What the fuzz knows about the world it runs in, so plausible values name things that exist. */
export interface WorldHints {
  /** Every id of an entity the fuzz knows about (programs, applications, organizations, users...). */
  ids: readonly string[];
  /** The same ids by kind (`application`, `program`, `batch`...; see id-registry.ts). */
  idsByKind: Readonly<Record<string, readonly string[]>>;
  tenants: readonly string[];
  usernames: readonly string[];
  password: string;
  usccs: readonly string[];
  achievementIds: readonly string[];
  /** Refresh tokens the fuzz may spend on refresh and logout. */
  refreshTokens: readonly string[];
}

// class-transformer keeps @Type() metadata in a storage its package does not export by name (Nest's Swagger reads it so too).
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

const CST_DATES = ['2024-07-01', '2024-03-15', '2023-10-20', '2025-06-30', '2024-02-29'];
const INSTANTS = ['2024-07-02T09:00:00+08:00', '2024-08-31T17:00:00+08:00', '2025-03-01T09:00:00+08:00', '2024-07-01T02:00:00Z'];
const TEXTS = ['标准文本', '本人曾参与该标准起草', '资金使用情况报告已提交', 'ok', '材料齐全', '申报条件与材料见附件。'];

function rulesByProperty(type: Type<unknown>): Map<string, ValidationMetadata[]> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(type, '', true, false)) {
    byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  }
  return byProperty;
}

function constraint(rules: ValidationMetadata[], name: string): unknown {
  return rules.find((rule) => rule.name === name)?.constraints?.[0];
}

function nestedType(target: Type<unknown>, property: string): Type<unknown> | undefined {
  const type = defaultMetadataStorage.findTypeMetadata(target, property);
  const resolved = type?.typeFunction() as Type<unknown> | undefined;
  return resolved && resolved !== Object && resolved !== Number && resolved !== String ? resolved : undefined;
}

/** A string the property's name and rules suggest, drawn from the world where the name says it is an id. */
function plausibleString(property: string, rules: ValidationMetadata[], hints: WorldHints): fc.Arbitrary<string> {
  const names = new Set(rules.map((rule) => rule.name));
  const max = (constraint(rules, 'maxLength') as number | undefined) ?? 200;
  const min = (constraint(rules, 'minLength') as number | undefined) ?? 0;
  const isIn = constraint(rules, 'isIn') as string[] | undefined;
  if (isIn) return fc.constantFrom(...isIn);
  if (names.has('isCalendarDate') || /(On|Date|dueBy)$/.test(property)) return fc.constantFrom(...CST_DATES);
  if (names.has('isInstant') || /At$/.test(property)) return fc.constantFrom(...INSTANTS);
  if (names.has('isEmail') || /email/i.test(property)) return fc.oneof(fc.emailAddress(), fc.constant('a@example.com'));
  if (/^tenant(Id)?$/.test(property)) return fc.constantFrom(...hints.tenants);
  if (property === 'username') return fc.constantFrom(...hints.usernames);
  if (property === 'refreshToken') return fc.oneof(fc.constantFrom(...hints.refreshTokens), fc.base64String({ minLength: 8, maxLength: 64 }));
  if (/password/i.test(property)) return fc.constant(hints.password);
  if (/uscc/i.test(property)) return fc.constantFrom(...hints.usccs);
  if (property === 'achievementId') return fc.constantFrom(...hints.achievementIds);
  if (names.has('isUuid') || property === 'id' || /Id$/.test(property)) {
    const sameKind = hints.idsByKind[kindOf(property)] ?? [];
    return sameKind.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...sameKind) }, { weight: 1, arbitrary: fc.constantFrom(...hints.ids) }) : fc.constantFrom(...hints.ids);
  }
  const pattern = constraint(rules, 'matches');
  if (pattern instanceof RegExp) {
    try {
      return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= max);
    } catch {
      // fast-check cannot generate from every pattern (lookarounds); plain text then, which the rule mostly refuses.
    }
  }
  return fc.oneof(fc.constantFrom(...TEXTS), fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: Math.min(max, 30) }));
}

function plausibleNumber(rules: ValidationMetadata[]): fc.Arbitrary<number> {
  const min = (constraint(rules, 'min') as number | undefined) ?? 0;
  const max = Math.min((constraint(rules, 'max') as number | undefined) ?? 100_000_000, Number.MAX_SAFE_INTEGER);
  return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
}

/** One achievement as achievement.schema.json describes it, the most common kind the policies award. */
export function achievementArbitrary(hints: WorldHints): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({
    id: fc.constantFrom(...hints.achievementIds),
    type: fc.constant('standard'),
    level: fc.constantFrom('national', 'industry', 'local', 'group', 'international'),
    action: fc.constantFrom('formulate', 'revise'),
    role: fc.constantFrom('lead', 'participant'),
    draftingRank: fc.integer({ min: 1, max: 5 }),
    standardNo: fc.constantFrom('GB/T 40001-2023', 'DB37/T 1234-2023'),
    publishedOn: fc.constantFrom(...CST_DATES),
  });
}

function propertyArbitrary(target: Type<unknown>, property: string, rules: ValidationMetadata[], hints: WorldHints, depth: number): fc.Arbitrary<unknown> {
  const names = new Set(rules.map((rule) => rule.name ?? rule.type));
  const isArray = names.has('isArray') || rules.some((rule) => rule.each);
  const nestedClass = names.has('nestedValidation') ? nestedType(target, property) : undefined;
  let item: fc.Arbitrary<unknown>;
  if (property === 'achievements') item = achievementArbitrary(hints);
  else if (nestedClass && depth < 4) item = dtoArbitrary(nestedClass, hints, depth + 1);
  else if (names.has('isBoolean')) item = fc.boolean();
  else if (names.has('isInt') || names.has('isNumber') || names.has('isPositive')) item = plausibleNumber(rules);
  else if (names.has('isObject') || names.has('nestedValidation')) item = fc.dictionary(fc.constantFrom(...hints.achievementIds, 'innovation', 'standard'), fc.integer({ min: 0, max: 10_000 }), { maxKeys: 3 });
  else if (names.has('isString') || names.has('matches') || names.has('isIn') || names.has('isCalendarDate') || names.has('isEmail') || names.has('isUuid')) item = plausibleString(property, rules, hints);
  else item = fc.oneof(plausibleString(property, rules, hints), fc.jsonValue({ maxDepth: 2 }));
  return isArray ? fc.array(item, { minLength: 1, maxLength: 3 }) : item;
}

/**
 * A body (or query) the class's own validation rules would most likely accept, built from class-validator's metadata:
 * the fuzz starts from a plausible request and breaks one part of it, so the broken part reaches the code behind the
 * validation as well as the validation itself. Optional properties are sometimes left out.
 */
export function dtoArbitrary(type: Type<unknown>, hints: WorldHints, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const entries: Record<string, fc.Arbitrary<unknown>> = {};
  const optional: string[] = [];
  for (const [property, rules] of rulesByProperty(type)) {
    entries[property] = propertyArbitrary(type, property, rules, hints, depth);
    if (rules.some((rule) => rule.type === 'conditionalValidation')) optional.push(property);
  }
  const required = Object.keys(entries).filter((property) => !optional.includes(property));
  return fc.record(entries, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}
