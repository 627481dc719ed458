import { fenToYuan } from '../decision/yuan';
import { AwardCeiling } from './award-ceiling';

/**
 * Why `amountFen` may not be proposed or decided for an item with this ceiling, or null when it may: a whole number of
 * fen from 0 to the ceiling, and for a fixed item exactly the fixed amount or nothing.
 */
export function amountProblem(amountFen: number, ceiling: AwardCeiling | undefined): string | null {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) return `${amountFen} must be a whole number of fen >= 0`;
  if (!ceiling) return 'is not an item of this application';
  if (amountFen > ceiling.ceilingFen) return `${amountFen} fen is above the item's ceiling of ${ceiling.ceilingFen} fen`;
  if (ceiling.basis === 'fixed' && amountFen !== 0 && amountFen !== ceiling.ceilingFen) {
    return `the policy grants this item a fixed ${ceiling.ceilingFen} fen: decide ${ceiling.ceilingFen} or 0`;
  }
  return null;
}

/** The same problem as amountProblem, in Chinese for the reader (amounts in yuan). */
export function amountProblemZh(amountFen: number, ceiling: AwardCeiling | undefined): string | null {
  const yuan = (fen: number) => `${fenToYuan(fen)} 元`;
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) return '金额须为不小于 0 的整数（单位：分）';
  if (!ceiling) return '不是本申报的成果项目';
  if (amountFen > ceiling.ceilingFen) return `${yuan(amountFen)}超过该项的上限 ${yuan(ceiling.ceilingFen)}`;
  if (ceiling.basis === 'fixed' && amountFen !== 0 && amountFen !== ceiling.ceilingFen) {
    return `政策对该项规定固定金额 ${yuan(ceiling.ceilingFen)}：只能给予 ${yuan(ceiling.ceilingFen)} 或 0`;
  }
  return null;
}
