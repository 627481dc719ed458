/** The stages a newcomer should find a program in, besides today's open call. */
export type DemoStage = 'partly_paid' | 'handed_over' | 'in_publicity' | 'in_review';

/**
 * When each stage program's events happen, in days before today (China Standard Time): the demo replays them on a
 * manual clock, oldest first, so every record carries the date it would have had. Negative: after today (only a
 * closing date, which the live worker reaches in real time). Gaps leave room for a 7-day publicity (the templates'
 * default for Beijing and Zhengzhou) and for the window to close before the decision.
 */
export interface StagePlan {
  stage: DemoStage;
  /** Ends the program's title: how a later run recognizes the program, whatever the year. */
  titleSuffix: string;
  opens: number;
  closes: number;
  submit: number;
  check?: number;
  decide?: number;
  publicity?: number;
  handOver?: number;
  finance?: number;
  pay?: number;
}

export const STAGE_PLANS: readonly StagePlan[] = [
  { stage: 'partly_paid', titleSuffix: '（演示：部分已支付）', opens: 89, closes: 70, submit: 88, check: 85, decide: 66, publicity: 64, handOver: 50, finance: 49, pay: 48 },
  { stage: 'handed_over', titleSuffix: '（演示：已移交财政）', opens: 79, closes: 60, submit: 78, check: 75, decide: 56, publicity: 54, handOver: 40 },
  { stage: 'in_publicity', titleSuffix: '（演示：公示中，有异议）', opens: 39, closes: 15, submit: 38, check: 35, decide: 10, publicity: 2 },
  { stage: 'in_review', titleSuffix: '（演示：评审中）', opens: 12, closes: -48, submit: 5 },
];

/** The first simulated day: the earliest program is drafted the day before its window opens. */
export const HISTORY_DAYS = Math.max(...STAGE_PLANS.map((p) => p.opens)) + 1;
