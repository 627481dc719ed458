import type { Achievement } from '../contract';
import type { CompiledItem } from '../model';
import { schemaDefault } from './achievement-facts';

/**
 * A decision index over the award items of one achievement type: items are bucketed by the field most of them
 * require (e.g. level, then action), so an achievement is tested only against items that can match it. The full
 * matcher still decides; the index only skips items that cannot match. Buckets keep file order.
 */
type IndexNode = { items: CompiledItem[] } | { field: string; buckets: Map<unknown, IndexNode>; rest: IndexNode };

const MAX_DEPTH = 3;
const SMALL = 4;

function build(items: CompiledItem[], used: Set<string>, depth: number): IndexNode {
  if (items.length <= SMALL || depth >= MAX_DEPTH) return { items };
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const field of item.requirements?.keys() ?? []) {
      if (!used.has(field)) counts.set(field, (counts.get(field) ?? 0) + 1);
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (!best || best[1] < 2) return { items };
  const field = best[0];
  const free = items.filter((i) => !i.requirements?.has(field));
  const values = new Set<unknown>();
  for (const item of items) for (const v of item.requirements?.get(field) ?? []) values.add(v);
  const next = new Set([...used, field]);
  const buckets = new Map<unknown, IndexNode>();
  for (const value of values) {
    const list = items.filter((i) => !i.requirements?.has(field) || i.requirements.get(field)?.has(value));
    buckets.set(value, build(list, next, depth + 1));
  }
  return { field, buckets, rest: build(free, next, depth + 1) };
}

export type ItemIndex = (achievement: Achievement) => CompiledItem[];

export function buildItemIndex(items: CompiledItem[]): ItemIndex {
  const byType = new Map<string, IndexNode>();
  const types = new Set(items.flatMap((i) => i.types));
  for (const type of types) {
    byType.set(type, build(items.filter((i) => i.types.includes(type)), new Set(), 0));
  }
  return (achievement) => {
    let node = byType.get(achievement.type);
    while (node && 'field' in node) {
      const own = achievement[node.field];
      const value = own === undefined ? schemaDefault(achievement.type, node.field) : own;
      node = node.buckets.get(value) ?? node.rest;
    }
    return node ? node.items : [];
  };
}
