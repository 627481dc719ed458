import type { ErrorObject, ValidateFunction } from 'ajv';
import type { CalcRequest } from './contract';
import { firstDuplicateId } from './engine/evaluate';
import { ajv, ajvFast, describeError, jsonPath, pickError } from './load/ajv';
import achievementSchema from './schema/achievement.schema.json';
import requestSchema from './schema/request.schema.json';

ajv.addSchema(achievementSchema);
/** The full schema with every error, compiled on the first invalid request (valid ones never need it). */
let explainer: ValidateFunction<CalcRequest> | undefined;
function explain(json: unknown): json is CalcRequest {
  explainer ??= ajv.compile<CalcRequest>(requestSchema);
  return explainer(json);
}

/*
 * Fast path for valid requests: the request without its achievements, then each achievement against the branch of
 * achievement.schema.json for its type (the schema's `allOf` of `if type = X then ...`), instead of testing all
 * eleven `if`s per achievement. Any failure is re-checked by the full schema (`explain`) for the message.
 */
const requestShell = ajvFast.compile({
  ...requestSchema,
  $id: 'request-shell.schema.json',
  $defs: {
    ...requestSchema.$defs,
    applicant: {
      ...requestSchema.$defs.applicant,
      properties: { ...requestSchema.$defs.applicant.properties, achievements: { type: 'array', items: { type: 'object' } } },
    },
  },
});
const { allOf, $id: _id, $schema: _schema, ...achievementBase } = achievementSchema;
const byType = new Map(
  allOf.map((branch) => [branch.if.properties.type.const, ajvFast.compile({ allOf: [achievementBase, branch.then] })] as const),
);

function fastValid(json: unknown): json is CalcRequest {
  if (!requestShell(json)) return false;
  for (const applicant of (json as unknown as CalcRequest).applicants) {
    for (const achievement of applicant.achievements) {
      const validate = byType.get(achievement.type);
      if (!validate || !validate(achievement)) return false;
    }
  }
  return true;
}

export interface RequestProblem {
  /** JSON path of the bad field, e.g. `$.applicants[0].achievements[1].level`. */
  path: string;
  message: string;
}

function problemOf(error: ErrorObject): RequestProblem {
  const { path, message } = describeError(error);
  return { path: jsonPath(path), message };
}

/** Checks a request against the contract and the achievement schema; returns the problems (most specific first). */
export function validateRequest(json: unknown): { ok: true; request: CalcRequest } | { ok: false; problems: RequestProblem[] } {
  if (!fastValid(json) && !explain(json)) {
    const errors = explainer?.errors ?? [];
    const best = pickError(errors);
    const rest = errors.filter((e) => e !== best && e.keyword !== 'if').map(problemOf);
    return { ok: false, problems: [problemOf(best), ...rest] };
  }
  for (const [index, applicant] of json.applicants.entries()) {
    const duplicate = firstDuplicateId(applicant.achievements.map((a) => a.id));
    if (duplicate !== undefined) {
      return { ok: false, problems: [{ path: `$.applicants[${index}].achievements[${duplicate}].id`, message: 'duplicate achievement id' }] };
    }
  }
  return { ok: true, request: json };
}
