/** A valid program body (as JSON), to be broken one field at a time by the validation tables. */
export function validProgramBody(): Record<string, unknown> & {
  review: Record<string, unknown> & { panel: Record<string, unknown> & { rubric: { criteria: Array<Record<string, unknown>> } } };
  budget: Record<string, unknown> & { sources: Array<Record<string, unknown>> };
  window: Record<string, unknown>;
  call: Record<string, unknown>;
} {
  return {
    year: 2024,
    title: '2024年度标准化资助',
    policyId: 'tianjin-2021',
    window: { kind: 'batch', opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-03-31T17:00:00+08:00' },
    call: { title: '关于申报2024年度标准化资助项目的通知', body: '申报条件与材料见附件。', materials: { standard: ['标准文本', '发布公告'] }, receivingOffice: '市市场监管委标准化处' },
    review: {
      // tianjin-2021 第十九条 requires the district and the entrusted institute's review and 15 days of publicity.
      stages: { formal_check: true, district_review: true, technical_review: true, expert_review: true },
      formalCheckWorkingDays: 5,
      correctionWorkingDays: 10,
      panel: {
        size: 3,
        quorum: 2,
        scoringDays: 7,
        reminderHoursBefore: 24,
        combine: 'median',
        rubric: {
          criteria: [
            { key: 'innovation', label: '创新性', maxPoints: 4000 },
            { key: 'impact', label: '实施效益', maxPoints: 6000 },
          ],
        },
      },
      publicity: { days: 15, unit: 'calendar' },
      cityReviewedKinds: ['institution'],
    },
    budget: {
      totalFen: 500_000_000,
      rule: 'pro_rata',
      sources: [
        { source: 'city', amountFen: 300_000_000 },
        { source: 'district:120101', amountFen: 200_000_000 },
      ],
    },
  };
}
