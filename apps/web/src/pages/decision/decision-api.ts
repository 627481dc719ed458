import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

/** The decision and publicity answers, typed from the API's OpenAPI document (money: integer fen, safe integers). */
export type DecisionList = components['schemas']['DecisionListResponse'];
export type DecisionEntry = components['schemas']['DecisionListEntryResponse'];
export type DecisionItem = components['schemas']['DecisionListItemResponse'];
export type PendingDecision = components['schemas']['PendingDecisionResponse'];
export type PendingItem = components['schemas']['PendingDecisionItemResponse'];
export type BudgetEffect = components['schemas']['BudgetEffectResponse'];
export type ProgramPublicity = components['schemas']['ProgramPublicityResponse'];
export type Objection = components['schemas']['ObjectionResponse'];
export type ApprovedList = components['schemas']['ApprovedListResponse'];
export type ProgramDetail = components['schemas']['ProgramDetailDto'];

/** Whole fen as typed in yuan → the JSON number the API takes (always a safe integer, or undefined). */
export function fenNumber(fen: string | undefined): number | undefined {
  if (fen === undefined || !/^\d+$/.test(fen)) return undefined;
  const value = Number(fen);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Tag colours dark enough for white text (WCAG AA); the words, not the colour, carry the meaning. */
export const TONE = {
  success: '#2e7d32',
  warning: '#a35c00',
  error: '#c4221c',
  processing: '#1456c8',
  neutral: '#545454',
} as const;

/** Today's date on the server's clock (CST), the date every deadline and publicity is counted from. */
export async function fetchServerToday(): Promise<string> {
  return unwrap(await api.GET('/api/v1/me/work')).today;
}
