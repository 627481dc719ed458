import { parse } from 'yaml';

/** One case of a tenant case table (docs/POLICY-CASES.md). */
export interface PolicyCase {
  name: string;
  article: string;
  source: string;
  applicationDate?: string;
  programYear?: number;
  fundTotalFen?: number;
  applicant?: Record<string, unknown>;
  achievements?: unknown[];
  applicants?: Record<string, unknown>[];
  expect: CaseExpectation;
}

export interface ItemExpectation {
  reasons?: string[];
  reasonsExactly?: string[];
  [field: string]: unknown;
}

export interface ApplicantExpectation {
  totalFen?: number;
  items?: Record<string, ItemExpectation>;
  shares?: Record<string, { payer: string; amountFen: number }[]>;
}

export interface CaseExpectation extends ApplicantExpectation {
  error?: string;
  applicants?: ApplicantExpectation[];
}

export interface CaseTable {
  file: string;
  /** Set when the text cannot be read as a case table; runners turn it into a failure. */
  problem?: string;
  tenant: string;
  defaults: Partial<PolicyCase> & { applicant?: Record<string, unknown> };
  cases: PolicyCase[];
}

/**
 * Reads a case table from its YAML text (the `config/policies/<tenant>/cases/<version>.yaml` format). Never throws: an
 * unreadable text comes back with `problem` set and no cases, so a caller can report it as it reports failing cases.
 */
export function parseCaseTable(file: string, text: string, fallbackTenant = ''): CaseTable {
  try {
    const data = parse(text) as Omit<CaseTable, 'file'> | null;
    if (!data || typeof data !== 'object' || typeof data.tenant !== 'string' || !Array.isArray(data.cases)) {
      return { file, tenant: fallbackTenant, defaults: {}, cases: [], problem: 'needs `tenant` and a `cases` list' };
    }
    const bad = data.cases.findIndex((c) => c === null || typeof c !== 'object' || typeof (c as PolicyCase).expect !== 'object' || (c as PolicyCase).expect === null);
    if (bad >= 0) return { file, tenant: data.tenant, defaults: {}, cases: [], problem: `cases[${bad}] needs a name and an \`expect\` block` };
    return { file, tenant: data.tenant, defaults: data.defaults ?? {}, cases: data.cases };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { file, tenant: fallbackTenant, defaults: {}, cases: [], problem: message };
  }
}

/** The calc request a case stands for: defaults merged under the case, `applicant` merged into the defaults' one. */
export function requestOf(table: CaseTable, c: PolicyCase): Record<string, unknown> {
  const d = table.defaults;
  const applicants =
    c.applicants ?? [{ ...(d.applicant ?? {}), ...(c.applicant ?? {}), achievements: c.achievements ?? [] }];
  const request: Record<string, unknown> = {
    applicationDate: c.applicationDate ?? d.applicationDate,
    applicants,
  };
  const programYear = c.programYear ?? d.programYear;
  if (programYear !== undefined) request.programYear = programYear;
  const fundTotalFen = c.fundTotalFen ?? d.fundTotalFen;
  if (fundTotalFen !== undefined) request.fundTotalFen = fundTotalFen;
  return request;
}
