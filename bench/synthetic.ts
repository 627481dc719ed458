import type { Achievement, Applicant, CalcRequest } from '@subsidy/policy';

/** mulberry32: a small seeded PRNG, so every benchmark run evaluates the same applicants. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function dateIn(random: () => number, year: number): string {
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const LEVELS = ['international', 'national', 'industry', 'provincial_local', 'city_local', 'group'] as const;

/** One synthetic achievement dated around `year` (the year before the application, mostly). */
export function syntheticAchievement(random: () => number, id: string, year: number): Achievement {
  const y = year - (random() < 0.8 ? 1 : 0);
  const r = random();
  if (r < 0.55) {
    const role = random() < 0.6 ? 'lead' : 'participate';
    return {
      id,
      type: 'standard',
      level: pick(random, LEVELS),
      action: random() < 0.7 ? 'formulate' : 'revise',
      role,
      draftingRank: role === 'lead' ? 1 : 2 + Math.floor(random() * 4),
      standardNo: `GB/T ${10000 + Math.floor(random() * 90000)}-${y}`,
      publishedOn: dateIn(random, y),
      costsIncurredFen: Math.floor(random() * 80_000_000),
    };
  }
  if (r < 0.65) return { id, type: 'leader', level: pick(random, ['national', 'provincial', 'city']), product: `p${id}`, recognizedOn: dateIn(random, y) };
  if (r < 0.75) {
    return { id, type: 'standardization_pilot', level: pick(random, ['national', 'provincial', 'city']), stage: 'accepted', acceptedOn: dateIn(random, y) };
  }
  if (r < 0.85) {
    return { id, type: 'committee_secretariat', body: pick(random, ['international', 'national', 'provincial', 'city']), tier: pick(random, ['TC', 'SC', 'WG']), assumedOn: dateIn(random, y) };
  }
  if (r < 0.92) return { id, type: 'good_conduct', grade: pick(random, ['5A', '4A', '3A']), certifiedOn: dateIn(random, y) };
  return { id, type: 'innovation_award', level: pick(random, ['national', 'provincial']), grade: pick(random, ['first', 'second', 'third']), projectLead: true, awardedOn: dateIn(random, y) };
}

export function syntheticApplicant(random: () => number, index: number, districts: readonly string[], year: number): Applicant {
  const count = 2 + Math.floor(random() * 3); // 2..4, about 3 on average
  const achievements = Array.from({ length: count }, (_, i) => syntheticAchievement(random, `a${i + 1}`, year));
  const applicant: Applicant = {
    uscc: `91${String(index).padStart(16, '0')}`,
    kind: random() < 0.9 ? 'enterprise' : 'institution',
    district: districts.length > 0 ? pick(random, districts) : undefined,
    achievements,
  };
  if (random() < 0.05) applicant.sanctions = [{ kind: 'penalty', on: dateIn(random, year - 1) }];
  if (random() < 0.05) applicant.otherFunding = [{ achievementId: 'a1', source: 'province', amountFen: 1_000_000 }];
  return applicant;
}

/** A request of `size` synthetic applicants for one application date. */
export function syntheticRequest(random: () => number, start: number, size: number, applicationDate: string, districts: readonly string[]): CalcRequest {
  const year = Number(applicationDate.slice(0, 4));
  return {
    applicationDate,
    programYear: year,
    fundTotalFen: 10_000_000_000,
    applicants: Array.from({ length: size }, (_, i) => syntheticApplicant(random, start + i, districts, year)),
  };
}
