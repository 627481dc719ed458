import { compilePolicyText, describeError, fullPolicySchema, pickError, PolicyFileError, type CompiledPolicy } from '@subsidy/policy';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorObject } from 'ajv';
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import { compileMessage } from './compile-messages';
import { amountProblems, ceilingAboveCapProblems, overlapProblems, type PublishedSpan, type RawProblem } from './extra-rules';
import { schemaMessage } from './schema-messages';
import { pathText, type DocPath, type PolicyValidationError } from './validation-error';

export interface ValidationContext {
  tenantId: string;
  /** The version's policy id: the text's `id` must be it. */
  policyId: string;
  /** The tenant's other published versions (for the overlap rule). */
  published: readonly PublishedSpan[];
}

export interface ValidationReport {
  valid: boolean;
  errors: PolicyValidationError[];
  /** The parsed YAML (null when it does not parse to an object). */
  document: Record<string, unknown> | null;
  /** The compiled version when the text is valid. */
  compiled: CompiledPolicy | null;
}

// Its own instance with every error collected: the editor shows all problems at once, the loader stops at the first.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSchema = ajv.compile(fullPolicySchema());

/**
 * Validates a policy version's YAML as the engine will load it (the same JSON Schema, then the loader's own checks),
 * plus the drafting rules the files never needed (issue 11): negative or fractional amounts, a ceiling above a cap it
 * must respect, overlapping validity without an explicit supersession. A rule scoped to an item that does not exist
 * and a cost share that does not add up are the loader's own checks (libs/policy), reported here with their path.
 * Every error names its path and line, in Chinese and English. Pure: nothing is read or stored.
 */
export function validatePolicyText(text: string, context: ValidationContext): ValidationReport {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number | null => (offset === undefined ? null : lines.linePos(offset).line);
  const syntax = [...doc.errors, ...doc.warnings];
  if (syntax.length > 0) {
    return {
      valid: false,
      document: null,
      compiled: null,
      errors: syntax.slice(0, 20).map((e) => ({ path: '$', line: lineAt(e.pos?.[0]), message: { zh: `YAML 格式错误：${e.message.split('\n')[0]}`, en: `YAML: ${e.message.split('\n')[0]}` } })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias bomb (or a broken alias): refused like a syntax error, never expanded.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { valid: false, document: null, compiled: null, errors: [{ path: '$', line: null, message: { zh: `YAML 格式错误：${reason}`, en: `YAML: ${reason}` } }] };
  }
  const lineOf = (path: DocPath): number | null => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
      if (depth === path.length && depth > 0) {
        // A missing or unknown key: the line of the key itself when present.
        const parent = depth > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]));
          if (pair && isNode(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
        }
      }
    }
    return null;
  };
  const located = (problems: RawProblem[]): PolicyValidationError[] => problems.map((p) => ({ path: pathText(p.path), line: lineOf(p.path), message: p.message }));
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { valid: false, document: null, compiled: null, errors: [{ path: '$', line: 1, message: { zh: '政策文本须为 YAML 对象（以“id: …”等字段开头）', en: 'the text must be a YAML mapping' } }] };
  }
  const document = data as Record<string, unknown>;

  // Our own checks first: where one names a field, the schema's less specific complaint about it is left out.
  const errors: PolicyValidationError[] = located(amountProblems(document));
  if (document.id !== undefined && document.id !== context.policyId) {
    errors.push(...located([{ path: ['id'], message: { zh: `版本编号须为“${context.policyId}”（与本版本的编号一致），现为“${String(document.id)}”`, en: `id must be "${context.policyId}"` } }]));
  }
  if (document.tenant !== undefined && document.tenant !== context.tenantId) {
    errors.push(...located([{ path: ['tenant'], message: { zh: `所属地区须为“${context.tenantId}”`, en: `tenant must be "${context.tenantId}"` } }]));
  }
  errors.push(...located(overlapProblems(document, context.published)));
  const taken = new Set(errors.map((e) => e.path));

  if (!validateSchema(document)) {
    for (const error of schemaErrors(validateSchema.errors ?? [])) {
      const described = describeError(error);
      const path = pathText(described.path);
      if (taken.has(path)) continue;
      taken.add(path);
      errors.push({ path, line: lineOf(described.path), message: schemaMessage(error, described.message) });
    }
    return { valid: false, errors, document, compiled: null };
  }

  let compiled: CompiledPolicy | null = null;
  try {
    compiled = compilePolicyText(`policy_versions/${context.tenantId}/${context.policyId}`, text);
  } catch (error) {
    if (error instanceof PolicyFileError) {
      const path = pathText(error.docPath ?? []);
      if (!taken.has(path)) errors.push({ path, line: error.line, message: compileMessage(stripPathPrefix(error.reason)) });
    } else {
      // The loader met a shape the schema let through but it cannot read: refused, never published, never a 500.
      const reason = error instanceof Error ? error.message : String(error);
      errors.push({ path: '$', line: null, message: { zh: `政策文本无法编译：${reason}`, en: `the text cannot be compiled: ${reason}` } });
    }
  }
  if (compiled) errors.push(...located(ceilingAboveCapProblems(document, compiled)));
  const valid = errors.length === 0;
  return { valid, errors, document, compiled: valid ? compiled : null };
}

/** One error per place (the deepest, most useful of Ajv's several per field), at most 50. */
function schemaErrors(all: ErrorObject[]): ErrorObject[] {
  const groups = new Map<string, ErrorObject[]>();
  for (const error of all) {
    // Errors inside one item or rule explain each other; report the best one per entry of a list.
    const key = error.instancePath.split('/').slice(0, 3).join('/');
    groups.set(key, [...(groups.get(key) ?? []), error]);
  }
  return [...groups.values()].map((group) => pickError(group)).slice(0, 50);
}

/** The loader prefixes the path (`items[3].ceiling: ...`, `cap_item: ...`); the path is reported on its own. */
function stripPathPrefix(reason: string): string {
  return reason.replace(/^[a-z_]+: /, '').replace(/^[A-Za-z_$][\w.[\]]*: /, '');
}
