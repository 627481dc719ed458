import { InputIssue, InputProblem } from './input-errors';

/**
 * Pure checks of untrusted input, shared by the HTTP edge (JSON bodies, query strings, URL paths, headers) and by
 * anything that parses input later (multipart text fields). Nothing here throws on hostile input.
 */

/** Keys that reach an object's prototype machinery when a library assigns them; no request ever needs them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** How deep a JSON body may nest; the deepest real body (a program with its review settings) needs six. */
export const MAX_JSON_DEPTH = 32;

/** At most this many offending places are named in one refusal. */
const MAX_ISSUES = 20;

/** A UTF-16 surrogate without its partner (String.prototype.isWellFormed, which the ES2022 library types lack). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Why a text cannot be stored as sent: PostgreSQL stores no NUL and turns a lone surrogate into U+FFFD. */
export function textProblem(text: string): Extract<InputProblem, 'invalid_unicode' | 'nul_character'> | null {
  if (!isWellFormedText(text)) return 'invalid_unicode';
  if (text.includes('\u0000')) return 'nul_character';
  return null;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `achievements[0].title`; a key that is no identifier is quoted (`scores["a b"]`), escaped so any key prints safely. */
export function jsonPath(segments: ReadonlyArray<string | number>): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path ? `.${segment}` : segment;
    else path += `[${JSON.stringify(segment).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}]`;
  }
  return path;
}

function textIssue(problem: 'invalid_unicode' | 'nul_character', path: string, what: { en: string; zh: string }): InputIssue {
  return problem === 'invalid_unicode'
    ? { problem, path, message: `${what.en} is not well-formed Unicode (a lone surrogate or bytes that are not UTF-8)`, messageZh: `${what.zh}含有不合规范的 Unicode 字符（孤立的代理项或非 UTF-8 字节）` }
    : { problem, path, message: `${what.en} contains a NUL character`, messageZh: `${what.zh}含有 NUL（空）字符` };
}

function forbiddenKeyIssue(path: string, key: string): InputIssue {
  return { problem: 'forbidden_key', path, message: `the key "${key}" is not allowed`, messageZh: `不允许使用键名“${key}”` };
}

/**
 * The deepest nesting of a JSON text, read from its bytes without parsing it (brackets inside strings do not count),
 * stopping as soon as `limit` is exceeded: a megabyte of `[[[[` is refused before anything recurses into it.
 */
export function jsonDepthExceeds(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i += 1; // backslash: the next byte is escaped
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
  return false;
}

export interface InspectedJson {
  /** The same value with every string in Unicode normalization form C; keys untouched. */
  value: unknown;
  issues: InputIssue[];
}

/**
 * Walks a parsed JSON value: refuses reserved keys, ill-formed Unicode and NUL in keys and strings, and nesting deeper
 * than `maxDepth`; returns a copy whose strings are NFC, so text that looks the same is stored and compared the same.
 */
export function inspectJson(value: unknown, maxDepth = MAX_JSON_DEPTH): InspectedJson {
  const issues: InputIssue[] = [];
  const visit = (node: unknown, segments: Array<string | number>, depth: number): unknown => {
    if (issues.length >= MAX_ISSUES) return node;
    if (typeof node === 'string') {
      const problem = textProblem(node);
      if (problem) {
        const path = jsonPath(segments);
        issues.push(textIssue(problem, path, { en: path || 'the body', zh: path ? `字段 ${path} ` : '请求体' }));
        return node;
      }
      return node.normalize('NFC');
    }
    if (node === null || typeof node !== 'object') return node;
    if (depth >= maxDepth) {
      const path = jsonPath(segments);
      issues.push({ problem: 'json_too_deep', path, message: `nested more than ${maxDepth} levels deep`, messageZh: `嵌套超过 ${maxDepth} 层` });
      return node;
    }
    if (Array.isArray(node)) return node.map((item, index) => visit(item, [...segments, index], depth + 1));
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      const path = jsonPath([...segments, key]);
      const keyProblem = textProblem(key);
      if (keyProblem) issues.push(textIssue(keyProblem, path, { en: `the key of ${path}`, zh: `字段 ${path} 的键名` }));
      else if (FORBIDDEN_KEYS.has(key)) issues.push(forbiddenKeyIssue(path, key));
      else copy[key] = visit((node as Record<string, unknown>)[key], [...segments, key], depth + 1);
    }
    return copy;
  };
  const normalized = visit(value, [], 0);
  return { value: normalized, issues };
}

/** Text fields of a multipart form (or any flat map of strings): the same checks, and NFC. */
export function inspectTextFields(fields: Record<string, unknown>): InspectedJson {
  return inspectJson({ ...fields }, 2);
}

function decode(component: string): string | null {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * The raw query string, read pair by pair before any parser drops or merges what it dislikes: undecodable
 * percent-escapes (`%ED%BF%BF`, `%FF`), NUL, and reserved keys in any bracket segment (`__proto__[x]=1`).
 */
export function inspectQueryString(raw: string): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const pair of raw.split('&')) {
    if (pair === '' || issues.length >= MAX_ISSUES) continue;
    const equals = pair.indexOf('=');
    const rawKey = equals < 0 ? pair : pair.slice(0, equals);
    const rawValue = equals < 0 ? '' : pair.slice(equals + 1);
    const key = decode(rawKey);
    const name = key !== null && textProblem(key) === null ? key : rawKey;
    if (key === null || textProblem(key)) {
      issues.push(textIssue(key === null ? 'invalid_unicode' : (textProblem(key) ?? 'invalid_unicode'), name, { en: `the query parameter name ${name}`, zh: `查询参数名 ${name} ` }));
      continue;
    }
    const reserved = key.split(/[[\].]+/).find((segment) => FORBIDDEN_KEYS.has(segment));
    if (reserved) issues.push(forbiddenKeyIssue(name, reserved));
    const value = decode(rawValue);
    const problem = value === null ? 'invalid_unicode' : textProblem(value);
    if (problem) issues.push(textIssue(problem, name, { en: `the query parameter ${name}`, zh: `查询参数 ${name} ` }));
  }
  return issues;
}

/** Each segment of the URL path must percent-decode to well-formed text without NUL. */
export function inspectUrlPath(rawPath: string): InputIssue[] {
  const issues: InputIssue[] = [];
  rawPath.split('/').forEach((segment, index) => {
    if (segment === '' || issues.length >= MAX_ISSUES) return;
    let decoded: string | null;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      decoded = null;
    }
    const problem = decoded === null ? 'invalid_unicode' : textProblem(decoded);
    if (problem) issues.push(textIssue(problem, 'url', { en: `segment ${index} of the URL path`, zh: `URL 路径第 ${index} 段` }));
  });
  return issues;
}

/** Printable ASCII (and tab), what every header the API reads consists of. */
const HEADER_TEXT = /^[\t\x20-\x7e]*$/;

/**
 * Headers the application reads, each printable ASCII; a header given a pattern must match it once trimmed. Node
 * hands header bytes over as Latin-1, so UTF-8 text in a header shows up here as characters above U+007E.
 */
export function inspectHeaders(headers: Record<string, string | string[] | undefined>, patterns: Record<string, RegExp>, names: readonly string[]): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const name of names) {
    const raw = headers[name.toLowerCase()];
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    const pattern = patterns[name.toLowerCase()];
    if (!HEADER_TEXT.test(value) || (pattern && !pattern.test(value.trim()))) {
      issues.push({ problem: 'invalid_header', path: name, message: `the ${name} header has an invalid value`, messageZh: `请求头 ${name} 的值无效` });
    }
  }
  return issues;
}
