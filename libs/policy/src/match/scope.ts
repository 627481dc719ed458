import type { CompiledItem } from '../model';

/** A compiled `scope` (FORMAT.md section 5): true when the rule touches the item. */
export type Scope = (item: CompiledItem) => boolean;

export interface ScopeSpec {
  items?: string[];
  categories?: string[];
  types?: string[];
  except?: string[];
}

export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * Compiles a scope. Globs that match no item of the policy are returned as `unmatched` so the loader can report the
 * typo with its line.
 */
export function compileScope(
  spec: ScopeSpec | undefined,
  items: readonly CompiledItem[],
): { scope: Scope; unmatched: { key: 'items' | 'except'; index: number; glob: string }[] } {
  if (!spec) return { scope: () => true, unmatched: [] };
  const unmatched: { key: 'items' | 'except'; index: number; glob: string }[] = [];
  const idSets = (key: 'items' | 'except'): Set<string> | undefined => {
    const globs = spec[key];
    if (!globs) return undefined;
    const ids = new Set<string>();
    globs.forEach((glob, index) => {
      const re = globToRegExp(glob);
      const hits = items.filter((i) => re.test(i.id));
      if (hits.length === 0) unmatched.push({ key, index, glob });
      hits.forEach((i) => ids.add(i.id));
    });
    return ids;
  };
  const included = idSets('items');
  const excluded = idSets('except') ?? new Set<string>();
  const categories = spec.categories ? new Set(spec.categories) : undefined;
  const types = spec.types ? new Set(spec.types) : undefined;
  const anyInclusion = included !== undefined || categories !== undefined || types !== undefined;
  const scope: Scope = (item) => {
    if (excluded.has(item.id)) return false;
    if (!anyInclusion) return true;
    return (
      (included?.has(item.id) ?? false) ||
      (categories?.has(item.category) ?? false) ||
      (types !== undefined && item.types.some((t) => types.has(t)))
    );
  };
  return { scope, unmatched };
}
