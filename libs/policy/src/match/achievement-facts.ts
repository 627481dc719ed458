import type { Achievement } from '../contract';

/** Schema defaults that matter for matching (achievement.schema.json `default`). */
const DEFAULTS: Record<string, Record<string, unknown>> = {
  leader: { role: 'enterprise' },
  committee_secretariat: { function: 'secretariat' },
};

/** The schema's default for a field the achievement leaves out (matchers read it instead of copying the achievement). */
export function schemaDefault(type: string, field: string): unknown {
  return DEFAULTS[type]?.[field];
}

const DATE_FIELD: Record<string, string> = {
  standard: 'publishedOn',
  committee_secretariat: 'assumedOn',
  leader: 'recognizedOn',
  innovation_award: 'awardedOn',
  good_conduct: 'certifiedOn',
  international_meeting: 'heldOn',
  foreign_adoption: 'evidencedOn',
  innovation_base: 'approvedOn',
  benchmarking: 'completedOn',
  recognition: 'obtainedOn',
};

/** The date an achievement counts from (FORMAT.md section 8), or undefined when the caller did not send it. */
export function achievementDate(achievement: Achievement, dateField?: string): string | undefined {
  const field =
    dateField ??
    (achievement.type === 'standardization_pilot'
      ? achievement.stage === 'accepted'
        ? 'acceptedOn'
        : 'startedOn'
      : DATE_FIELD[achievement.type]);
  const value = field === undefined ? undefined : achievement[field];
  return typeof value === 'string' ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The `<type>:<level>:<identifier>` key parts of an achievement (FORMAT.md section 9). */
export interface ThingKey {
  type: string;
  level: string;
  identifier: string;
}

export function achievementKey(a: Achievement): ThingKey {
  const id = a.id;
  switch (a.type) {
    case 'standard':
      return { type: a.type, level: text(a.level) ?? '-', identifier: text(a.standardNo) ?? id };
    case 'leader':
      return { type: a.type, level: text(a.level) ?? '-', identifier: text(a.enterpriseStandardNo) ?? text(a.product) ?? id };
    case 'committee_secretariat':
      return { type: a.type, level: text(a.body) ?? '-', identifier: text(a.committeeCode) ?? id };
    case 'standardization_pilot':
      return { type: a.type, level: text(a.level) ?? '-', identifier: id };
    case 'innovation_award':
      return { type: a.type, level: text(a.level) ?? '-', identifier: text(a.grade) ?? id };
    case 'good_conduct':
      return { type: a.type, level: text(a.grade) ?? '-', identifier: 'good_conduct' };
    case 'recognition':
      return { type: a.type, level: text(a.level) ?? text(a.grade) ?? '-', identifier: recognitionIdentifier(a) ?? id };
    default:
      return { type: a.type, level: '-', identifier: id };
  }
}

/** `code`, or `code/subject` when the achievement names its subject (patent no., project, product, case no.). */
function recognitionIdentifier(a: Achievement): string | undefined {
  const code = text(a.code);
  const subject = text(a.subject);
  return code && subject ? `${code}/${subject}` : code;
}

/**
 * The family of a thing: for recognitions the code without the subject (all patents of one award, all products of one
 * list), for everything else the identifier itself.
 */
export function thingFamily(key: ThingKey): string {
  if (key.type !== 'recognition') return `${key.type}|${key.identifier}`;
  const slash = key.identifier.indexOf('/');
  return `${key.type}|${slash < 0 ? key.identifier : key.identifier.slice(0, slash)}`;
}

/** Splits `<type>:<level>:<identifier>`; the identifier may itself contain colons (e.g. "ISO 37001:2016"). */
export function parseAchievementKey(key: string): ThingKey | undefined {
  const first = key.indexOf(':');
  const second = first < 0 ? -1 : key.indexOf(':', first + 1);
  if (first <= 0 || second < 0) return undefined;
  return { type: key.slice(0, first), level: key.slice(first + 1, second), identifier: key.slice(second + 1) };
}

export function sameThing(a: ThingKey, b: ThingKey): boolean {
  return a.type === b.type && a.identifier === b.identifier;
}

/** Highest first. */
export const DEFAULT_LEVEL_ORDER: readonly string[] = [
  'international',
  'national',
  'industry',
  'regional',
  'provincial',
  'provincial_local',
  'city',
  'city_local',
  'municipal',
  'group',
  '5A',
  '4A',
  '3A',
  'first',
  'second',
  'third',
];

/** Larger = higher level; unknown levels rank lowest. */
export function levelRank(level: string, order: readonly string[] = DEFAULT_LEVEL_ORDER): number {
  const index = order.indexOf(level);
  return index < 0 ? -1 : order.length - index;
}
