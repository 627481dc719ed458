const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `applications` -> `application`, `batches` -> `batch`, `publicities` -> `publicity`, `applicationId` -> `application`. */
export function kindOf(name: string): string {
  const base = name.replace(/Id$/, '').toLowerCase();
  if (/(ch|sh|x|ss)es$/.test(base)) return base.slice(0, -2);
  if (base.endsWith('ies')) return `${base.slice(0, -3)}y`;
  return base.replace(/s$/, '');
}

/** The kind of thing a path parameter names: `/programs/{id}` a program, `{programId}` a program, `{userId}` a user. */
export function paramKind(path: string, param: string): string | undefined {
  if (param !== 'id') return kindOf(param);
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  const before = at > 0 ? segments[at - 1] : undefined;
  return before && !before.startsWith('{') ? kindOf(before) : undefined;
}

/**
 * Every id the fuzz has seen, by kind, so a request names a thing of the right kind most of the time (and reaches
 * the code behind "not found"), and of another kind or none at all the rest of the time. Ids come from the world
 * the suite builds and from every successful answer: an `xxxId` is an xxx; an `id` is of the kind the request's path
 * is about (its last literal segment, `/applications/{id}/evidence` -> evidence).
 */
export class IdRegistry {
  private readonly byKind = new Map<string, Set<string>>();

  add(kind: string, ...ids: string[]): void {
    const set = this.byKind.get(kind) ?? new Set<string>();
    for (const id of ids) set.add(id);
    this.byKind.set(kind, set);
  }

  all(): string[] {
    return [...new Set([...this.byKind.values()].flatMap((set) => [...set]))];
  }

  of(kind: string | undefined): string[] {
    return kind ? [...(this.byKind.get(kind) ?? [])] : [];
  }

  snapshot(): Record<string, readonly string[]> {
    return Object.fromEntries([...this.byKind].map(([kind, set]) => [kind, [...set]]));
  }

  /** Takes the ids out of a successful answer to a request on `path` (OpenAPI form). */
  harvest(path: string, body: unknown): void {
    const literal = path.split('/').filter((segment) => segment && !segment.startsWith('{') && !segment.includes('.'));
    const pathKind = kindOf(literal[literal.length - 1] ?? 'thing');
    const visit = (value: unknown, depth: number): void => {
      if (depth > 6 || value === null || typeof value !== 'object') return;
      for (const [key, item] of Object.entries(value)) {
        if (typeof item === 'string' && UUID.test(item) && (key === 'id' || key.endsWith('Id'))) this.add(key === 'id' ? pathKind : kindOf(key), item);
        else visit(item, depth + 1);
      }
    };
    visit(body, 0);
  }
}
