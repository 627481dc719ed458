import { ExcludedExpert, ExclusionGrounds, ExclusionReason, Expert, PanelExclusion } from './expert';
import { PanelPoolExhaustedError, ReviewError, invalidInput } from './review-error';
import { SeededRandom } from './seeded-random';

/** Identifies the procedure, so a recorded draw can be replayed by the same algorithm even after it changes. */
export const PANEL_DRAW_ALGORITHM = 'xoshiro128**/sha256/fisher-yates/v1';

/** The record of a draw; store it whole. Replaying drawPanel / topUpPanel with it and the same pool gives the same panel. */
export interface PanelDraw {
  algorithm: typeof PANEL_DRAW_ALGORITHM;
  seed: string;
  /** 0 for the first draw, then 1, 2, ... for each top-up. */
  round: number;
  /** The experts currently on the panel, in the order drawn. */
  panel: Expert[];
  /** Every expert drawn in any round, including those who later declined; never drawn again. */
  drawnIds: string[];
  declinedIds: string[];
  excluded: ExcludedExpert[];
  exclusion: PanelExclusion;
  /** Why each excluded unit is excluded (for the record; the draw does not read it). Absent when not given. */
  grounds?: ExclusionGrounds;
}

export interface DrawPanelInput {
  pool: readonly Expert[];
  size: number;
  seed: string;
  exclude: PanelExclusion;
  /** Recorded with the draw as given; does not change who is drawn. */
  grounds?: ExclusionGrounds;
}

/**
 * Draws `size` experts at random from the pool. The order of `pool` does not matter: eligible experts are sorted by id,
 * then shuffled with xoshiro128** seeded from SHA-256 of `seed`, and the first `size` taken. Excluded experts are
 * reported with every reason that applies.
 */
export function drawPanel(input: DrawPanelInput): PanelDraw {
  checkSeed(input.seed);
  checkCount(input.size, 'size');
  const { eligible, excluded } = partition(input.pool, input.exclude);
  if (eligible.length < input.size) throw exhausted(input.pool.length, excluded.length, 0, input.size, eligible.length);
  const panel = SeededRandom.fromSeed(roundSeed(input.seed, 0)).shuffle(sortById(eligible)).slice(0, input.size);
  return {
    algorithm: PANEL_DRAW_ALGORITHM,
    seed: input.seed,
    round: 0,
    panel,
    drawnIds: panel.map((e) => e.id),
    declinedIds: [],
    excluded,
    exclusion: copyExclusion(input.exclude),
    ...(input.grounds ? { grounds: mergeGrounds(undefined, input.grounds) } : {}),
  };
}

export interface TopUpInput {
  /** The current pool, which may have changed since the first draw; exclusions are re-applied to it. */
  pool: readonly Expert[];
  /** Panel members who declined or dropped out; they leave the panel and are never drawn again. */
  declinedIds?: readonly string[];
  /** Further exclusions learnt since the previous round (e.g. a conflict declared on being drawn). */
  exclude?: Partial<PanelExclusion>;
  /** Why the further exclusions apply; merged into the recorded grounds. */
  grounds?: ExclusionGrounds;
}

/**
 * Draws `needed` replacements after `previous`. Experts drawn in any earlier round, and excluded ones, are never drawn;
 * the shuffle uses a seed derived from the recorded seed and the round number, so the whole sequence of rounds replays.
 */
export function topUpPanel(previous: PanelDraw, needed: number, input: TopUpInput): PanelDraw {
  checkCount(needed, 'needed');
  const declined = new Set(input.declinedIds ?? []);
  const panelIds = new Set(previous.panel.map((e) => e.id));
  for (const [index, id] of [...declined].entries()) {
    if (!panelIds.has(id)) throw invalidInput(`declinedIds[${index}]`, `expert ${id} is not on the panel`);
  }
  const exclusion = mergeExclusion(previous.exclusion, input.exclude);
  const { eligible, excluded } = partition(input.pool, exclusion);
  // A member no longer in the pool (deactivated since) is screened by what the draw recorded about them.
  const excludedIds = new Set([...excluded, ...partition(previous.panel, exclusion).excluded].map((x) => x.expert.id));
  const alreadyDrawn = new Set(previous.drawnIds);
  const candidates = eligible.filter((e) => !alreadyDrawn.has(e.id));
  if (candidates.length < needed) {
    throw exhausted(input.pool.length, excluded.length, eligible.length - candidates.length, needed, candidates.length);
  }
  const round = previous.round + 1;
  const drawn = SeededRandom.fromSeed(roundSeed(previous.seed, round)).shuffle(sortById(candidates)).slice(0, needed);
  return {
    algorithm: PANEL_DRAW_ALGORITHM,
    seed: previous.seed,
    round,
    // A member excluded since (a conflict declared on being drawn) leaves the panel like one who declined.
    panel: [...previous.panel.filter((e) => !declined.has(e.id) && !excludedIds.has(e.id)), ...drawn],
    drawnIds: [...previous.drawnIds, ...drawn.map((e) => e.id)],
    declinedIds: [...previous.declinedIds, ...[...declined].filter((id) => !previous.declinedIds.includes(id))],
    excluded,
    exclusion,
    ...(previous.grounds || input.grounds ? { grounds: mergeGrounds(previous.grounds, input.grounds) } : {}),
  };
}

/**
 * Splits experts into those the exclusion lets sit and those it excludes, with every reason, exactly as a draw does;
 * for checking the members of an existing panel against an exclusion that has grown since.
 */
export function screenExperts(experts: readonly Expert[], exclusion: PanelExclusion): { eligible: Expert[]; excluded: ExcludedExpert[] } {
  return partition(experts, exclusion);
}

/** The union of two records of grounds; each source and rule appears once, in the order first seen. */
export function mergeGrounds(base: ExclusionGrounds | undefined, extra: ExclusionGrounds | undefined): ExclusionGrounds {
  const mergeMap = (a: Record<string, string[]> | undefined, b: Record<string, string[]> | undefined): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const map of [a, b]) {
      for (const [key, sources] of Object.entries(map ?? {})) out[key] = [...new Set([...(out[key] ?? []), ...sources])];
    }
    return out;
  };
  const rules = [...(base?.rules ?? [])];
  for (const rule of extra?.rules ?? []) {
    if (!rules.some((r) => r.code === rule.code && r.article === rule.article && r.source === rule.source && r.year === rule.year)) rules.push({ ...rule });
  }
  return { usccs: mergeMap(base?.usccs, extra?.usccs), organizationIds: mergeMap(base?.organizationIds, extra?.organizationIds), rules };
}

function roundSeed(seed: string, round: number): string {
  return round === 0 ? seed : `${seed}\u0000top-up\u0000${round}`;
}

function partition(pool: readonly Expert[], exclusion: PanelExclusion): { eligible: Expert[]; excluded: ExcludedExpert[] } {
  checkPool(pool);
  const organizations = new Set(exclusion.organizationIds);
  const usccs = new Set(exclusion.usccs.map(normalizeUscc));
  const conflicts = new Set(exclusion.conflictDeclared);
  const eligible: Expert[] = [];
  const excluded: ExcludedExpert[] = [];
  for (const expert of sortById(pool)) {
    const reasons: ExclusionReason[] = [];
    for (const organizationId of expert.organizationIds ?? []) {
      if (organizations.has(organizationId)) reasons.push({ code: 'affiliated_organization', organizationId });
    }
    for (const uscc of expert.usccs ?? []) {
      if (usccs.has(normalizeUscc(uscc))) reasons.push({ code: 'affiliated_uscc', uscc: normalizeUscc(uscc) });
    }
    if (conflicts.has(expert.id)) reasons.push({ code: 'conflict_declared' });
    if (reasons.length > 0) excluded.push({ expert, reasons });
    else eligible.push(expert);
  }
  return { eligible, excluded };
}

function normalizeUscc(uscc: string): string {
  return uscc.trim().toUpperCase();
}

function sortById(experts: readonly Expert[]): Expert[] {
  return [...experts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function checkPool(pool: readonly Expert[]): void {
  const seen = new Set<string>();
  pool.forEach((expert, index) => {
    if (typeof expert.id !== 'string' || expert.id === '') throw invalidInput(`pool[${index}].id`, 'must be a non-empty string');
    if (seen.has(expert.id)) throw invalidInput(`pool[${index}].id`, `expert ${expert.id} appears twice in the pool`);
    seen.add(expert.id);
  });
}

function checkSeed(seed: unknown): void {
  if (typeof seed !== 'string' || seed.trim() === '') throw invalidInput('seed', 'must be a non-empty string');
}

function checkCount(value: number, path: string): void {
  if (!Number.isSafeInteger(value) || value < 1) throw invalidInput(path, `${value} must be a whole number of at least 1`);
}

function mergeExclusion(base: PanelExclusion, extra: Partial<PanelExclusion> | undefined): PanelExclusion {
  const union = (a: readonly string[], b: readonly string[] | undefined): string[] => [...new Set([...a, ...(b ?? [])])];
  return {
    organizationIds: union(base.organizationIds, extra?.organizationIds),
    usccs: union(base.usccs, extra?.usccs),
    conflictDeclared: union(base.conflictDeclared, extra?.conflictDeclared),
  };
}

function copyExclusion(exclusion: PanelExclusion): PanelExclusion {
  return mergeExclusion(exclusion, undefined);
}

function exhausted(poolSize: number, excluded: number, alreadyDrawn: number, needed: number, available: number): ReviewError {
  return new PanelPoolExhaustedError({ poolSize, excluded, alreadyDrawn, needed, available });
}
