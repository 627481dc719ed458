import type { Localized } from '@subsidy/common';

/** One problem of a policy version's text: where in the document (and on which line of the YAML), and what. */
export interface PolicyValidationError {
  /** JSON path in the document, e.g. `items[3].ceiling`, `effectiveTo`; `$` for the document as a whole. */
  path: string;
  /** 1-based line of the YAML text, or null where the text could not be parsed that far. */
  line: number | null;
  message: Localized;
}

export type DocPath = (string | number)[];

/** ['items', 3, 'ceiling'] -> `items[3].ceiling`; [] -> `$`. */
export function pathText(path: DocPath): string {
  if (path.length === 0) return '$';
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
}
