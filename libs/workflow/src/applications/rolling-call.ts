import { ErrorDetail } from '@subsidy/common';
import { CompiledPolicy, ResultItem } from '@subsidy/policy';
import { ProgramRecord } from '../core';
import { ProgramPolicy } from '../programs/program-policy';

/** An award item a call takes, as the applicant sees it. */
export interface AcceptedItem {
  itemId: string;
  name: string;
  article: string;
}

/**
 * What a rolling (all-year, 一事一议) call takes when its policy limits it to some items (procedure.rollingItems, e.g.
 * Huangpu 第十二条 002:4172: only three items 全年受理; the rest 每年集中申报一次). `article`/`source` cite that limit.
 */
export interface RollingCall {
  article: string;
  source: string;
  acceptedItems: AcceptedItem[];
  /** The text also provides a yearly batch call, where the other items go. */
  batchElsewhere: boolean;
}

/**
 * The items a program's call is limited to, or null when it takes any item of its policy: a batch program always (the
 * limit is on the all-year call only), and a rolling program whose policy names no rolling items.
 */
export function rollingCallOf(program: Pick<ProgramRecord, 'windowKind'>, policy: Pick<CompiledPolicy, 'items' | 'procedure'>): RollingCall | null {
  const limit = policy.procedure.rollingItems;
  if (program.windowKind !== 'rolling' || !limit) return null;
  const accepted = limit.itemIds.map((id) => {
    const item = policy.items.find((candidate) => candidate.id === id);
    // compileProcedure only keeps ids of the policy's own items, so a miss is a broken compiled policy, not bad input.
    if (!item) throw new Error(`procedure.rollingItems of policy names ${id}, which is not one of its items`);
    return { itemId: item.id, name: item.name.zh, article: item.article };
  });
  const kinds = policy.procedure.calls?.kinds;
  return { article: limit.article, source: limit.source, acceptedItems: accepted, batchElsewhere: kinds?.includes('batch') ?? false };
}

/** The program's limited rolling call with the policy that limits it, or null; a batch program never reads its policy. */
export function limitedRollingCall(program: ProgramRecord, programPolicy: ProgramPolicy): { call: RollingCall; policy: CompiledPolicy } | null {
  if (program.windowKind !== 'rolling') return null;
  const policy = programPolicy.resolve(program);
  const call = rollingCallOf(program, policy);
  return call ? { call, policy } : null;
}

/** 「国际质量比对提升示范项目（第九条第（一）项）、…（第十二条）」: the accepted items as one sentence, built from their names. */
export function acceptedItemsText(call: RollingCall): string {
  return `全年受理仅限：${call.acceptedItems.map((item) => `${item.name}（${item.article}）`).join('、')}（${call.article}）`;
}

/**
 * The claimed achievements the call does not take, as `achievements[i]` problems; empty when it takes them all (or has
 * no limit). "Takes" is decided by the award engine's own pricing: each achievement must have been priced under one of
 * the accepted items (the result line's `itemId`, the main item the engine chose, add-ons aside). So an achievement
 * that matches an accepted item but is paid more under another item is refused too: a rolling call could not pay it
 * as the estimate says. An achievement the policy funds under no item is refused as well: nothing in it is accepted.
 * An accepted item that lacks an input (e.g. no costsIncurredFen) keeps its item id and is accepted; the estimate
 * tells the applicant what is missing.
 */
export function rollingCallProblems(
  call: RollingCall | null,
  achievements: ReadonlyArray<{ id: string }>,
  priced: ReadonlyArray<Pick<ResultItem, 'achievementId' | 'itemId'>>,
  policy: Pick<CompiledPolicy, 'items'>,
): ErrorDetail[] {
  if (!call) return [];
  const accepted = new Set(call.acceptedItems.map((item) => item.itemId));
  const problems: ErrorDetail[] = [];
  achievements.forEach((achievement, index) => {
    const line = priced.find((item) => item.achievementId === achievement.id);
    const itemId = line?.itemId ?? null;
    if (itemId !== null && accepted.has(itemId)) return;
    const item = itemId === null ? undefined : policy.items.find((candidate) => candidate.id === itemId);
    const why = item
      ? `该成果属于“${item.name.zh}”（${item.article}），不在全年受理范围内${call.batchElsewhere ? '，须在每年的集中申报中申报' : ''}`
      : '本政策对该成果无资助项目';
    problems.push({ path: `achievements[${index}]`, message: `${why}；${acceptedItemsText(call)}` });
  });
  return problems;
}
