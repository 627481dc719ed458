import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
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
  /** Set when the file cannot be read as a case table; the runner turns it into a failing test. */
  problem?: string;
  tenant: string;
  defaults: Partial<PolicyCase> & { applicant?: Record<string, unknown> };
  cases: PolicyCase[];
}

export const CASES_DIR = join(__dirname, '..', 'cases');

export function loadCaseTables(dir: string = CASES_DIR): CaseTable[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cases.yaml'))
    .sort()
    .map((name): CaseTable => {
      try {
        const data = parse(readFileSync(join(dir, name), 'utf8')) as Omit<CaseTable, 'file'> | null;
        if (!data || typeof data.tenant !== 'string' || !Array.isArray(data.cases)) {
          return { file: name, tenant: name.replace(/\.cases\.yaml$/, ''), defaults: {}, cases: [], problem: 'needs `tenant` and a `cases` list' };
        }
        return { file: name, tenant: data.tenant, defaults: data.defaults ?? {}, cases: data.cases };
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        return { file: name, tenant: name.replace(/\.cases\.yaml$/, ''), defaults: {}, cases: [], problem: message };
      }
    });
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
