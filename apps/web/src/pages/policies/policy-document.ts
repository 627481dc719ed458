import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';

/**
 * The draft's text is the one source of truth on the editor: every form edits the YAML text in place (comments, quoting
 * and key order kept, through the `yaml` document model), and the forms read the parsed document back. So the raw
 * YAML tab, the forms and what is saved never disagree.
 */

export type Path = ReadonlyArray<string | number>;
export type PolicyDoc = Record<string, unknown>;

/** The parsed document, or null while the text is not YAML (the raw tab then shows the parser's words). */
export function readDocument(text: string): { document: PolicyDoc | null; problem: string | null } {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) return { document: null, problem: doc.errors[0].message };
  const value = doc.toJS() as unknown;
  return value && typeof value === 'object' && !Array.isArray(value) ? { document: value as PolicyDoc, problem: null } : { document: null, problem: null };
}

/** The text with one value set (or, with `undefined`, removed) at a path; the rest of the text as it was. */
export function editText(text: string, path: Path, value: unknown): string {
  const doc = parseDocument(text);
  if (value !== undefined && isScalarValue(value)) {
    const spliced = spliceScalar(text, doc, path, value);
    if (spliced !== undefined) return spliced;
  }
  if (value !== null && typeof value === 'object') {
    const spliced = spliceFlow(text, doc, path, value);
    if (spliced !== undefined) return spliced;
  }
  if (value === undefined) doc.deleteIn(path);
  else if (doc.hasIn(path) && isScalarValue(value)) doc.setIn(path, value); // keeps the scalar's quoting
  else doc.setIn(path, doc.createNode(value, { flow: isFlowAt(doc, path) }));
  return doc.toString(WRITE);
}

const WRITE = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * A scalar changed in place: only its own characters are rewritten (in its own quoting), so comments, alignment and
 * every other line stay byte for byte as the officer or the import wrote them. Undefined when that cannot be done
 * safely (block scalars, a value that would read back differently): the caller re-writes the document instead.
 */
function spliceScalar(text: string, doc: ReturnType<typeof parseDocument>, path: Path, value: unknown): string | undefined {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  const candidates: string[] = [];
  if (typeof value !== 'string') candidates.push(value === null ? 'null' : String(value));
  else if (node.type === 'QUOTE_SINGLE') candidates.push(`'${value.replace(/'/g, "''")}'`);
  else if (node.type === 'PLAIN' && value !== '' && !/[,[\]{}#:&*!|>'"%@`\n]|^[-?\s]|\s$/.test(value)) candidates.push(value);
  else if (node.type !== 'QUOTE_DOUBLE' && node.type !== 'PLAIN') return undefined;
  // Double quotes read back as written; also the fallback when a plain word would read as a number ("500000").
  if (typeof value === 'string') candidates.push(JSON.stringify(value));
  for (const written of candidates) {
    const result = `${text.slice(0, start)}${written}${text.slice(end)}`;
    const check = parseDocument(result);
    if (check.errors.length === 0 && check.getIn(path) === value) return result;
  }
  return undefined;
}

/** A list or map written in flow style (`issuers: [威海市人民政府]`) replaced in place, the same way. */
function spliceFlow(text: string, doc: ReturnType<typeof parseDocument>, path: Path, value: object): string | undefined {
  const node = doc.getIn(path, true);
  if (!(isMap(node) || isSeq(node)) || !node.flow || !node.range) return undefined;
  const [start, end] = node.range;
  const written = stringify(value, { collectionStyle: 'flow', ...WRITE }).trim();
  const result = `${text.slice(0, start)}${written}${text.slice(end)}`;
  const check = parseDocument(result);
  return check.errors.length === 0 && JSON.stringify(getAt(check.toJS(), path)) === JSON.stringify(value) ? result : undefined;
}

function isScalarValue(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Objects written inside a flow map (`match: { type: standard }`) stay in flow style. */
function isFlowAt(doc: ReturnType<typeof parseDocument>, path: Path): boolean {
  const parent = doc.getIn(path.slice(0, -1), true);
  return (isMap(parent) || isSeq(parent)) && parent.flow === true;
}

export function getAt(document: unknown, path: Path): unknown {
  let value: unknown = document;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** `items[3].ceiling`, `$.effectiveTo`, `/items/3/ceiling` → ['items', 3, 'ceiling']. */
export function parsePath(path: string): Array<string | number> {
  const trimmed = path.replace(/^\$\.?/, '');
  const parts = trimmed.startsWith('/') ? trimmed.split('/').filter(Boolean) : trimmed.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((part, index) => String(part) === String(b[index]));
}

/** Whether `path` lies at or under `prefix`. */
export function isUnder(path: Path, prefix: Path): boolean {
  return prefix.every((part, index) => String(part) === String(path[index]));
}

// ——— Money as the text writes it: 元 ("75000", "1234.5") or 万元 ("7.5万"), converted exactly (FORMAT.md section 2).

export type AmountUnit = 'yuan' | 'wan';
export interface WrittenAmount {
  amount: string;
  unit: AmountUnit;
}

const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/;
const WAN = /^(\d+)(?:\.(\d{1,6}))?$/;

function halfWidth(input: string): string {
  return input.replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');
}

/** A document's amount (`500000`, `"1234.5"`, `"7.5万"`, `"7.5万元"`) as the number and unit the text writes. */
export function readAmount(value: unknown): WrittenAmount | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? { amount: String(value), unit: 'yuan' } : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const wan = /^(.+?)万元?$/.exec(text);
  if (wan) return WAN.test(wan[1]) ? { amount: wan[1], unit: 'wan' } : undefined;
  return YUAN.test(text) ? { amount: text, unit: 'yuan' } : undefined;
}

/** Integer fen (a decimal string) of an amount typed in 元 or 万元; undefined when it is not such an amount. */
export function amountToFen(amount: string, unit: AmountUnit): string | undefined {
  const text = halfWidth(amount);
  const match = (unit === 'wan' ? WAN : YUAN).exec(text);
  if (!match) return undefined;
  const places = unit === 'wan' ? 6 : 2;
  return `${match[1]}${(match[2] ?? '').padEnd(places, '0')}`.replace(/^0+(?=\d)/, '');
}

/** The document's own writing of an amount: "60万" for 万元, "600000" for 元 (a string: never a float). */
export function writeAmount(amount: string, unit: AmountUnit): string | undefined {
  const text = halfWidth(amount);
  if (amountToFen(text, unit) === undefined) return undefined;
  return unit === 'wan' ? `${text}万` : text;
}

/** Fen of any amount the document holds, or undefined. */
export function documentAmountFen(value: unknown): string | undefined {
  const written = readAmount(value);
  return written ? amountToFen(written.amount, written.unit) : undefined;
}
