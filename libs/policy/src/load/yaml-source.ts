import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/** A parsed YAML file that can say on which line a value (or a key) stands. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** 1-based line of the value at `path`; falls back to the nearest existing parent. */
  lineOf(path: (string | number)[], options?: { key?: boolean }): number;
  /** Parse problems (syntax), already as `line: message`. */
  problems: { line: number; message: string }[];
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const line = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const problems = [...doc.errors, ...doc.warnings].map((e) => ({ line: line(e.pos?.[0]), message: e.message.split('\n')[0] }));
  return {
    file,
    data: problems.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined,
    problems,
    lineOf(path, options) {
      for (let depth = path.length; depth >= 0; depth--) {
        const sub = path.slice(0, depth);
        if (options?.key && depth === path.length && depth > 0) {
          const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
          if (isMap(parent)) {
            const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(sub[sub.length - 1]));
            if (pair && isNode(pair.key) && pair.key.range) return line(pair.key.range[0]);
          }
        }
        const node = depth === 0 ? doc.contents : doc.getIn(sub, true);
        if (isNode(node) && node.range) return line(node.range[0]);
      }
      return 1;
    },
  };
}
