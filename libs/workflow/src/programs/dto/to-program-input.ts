import { parseInstant } from '@subsidy/calendar';
import { ReviewSettings } from '../../core';
import { FundingSourceKey, ProgramInput } from '../program-input';
import { ProgramDto } from './program.dto';

/** The validated body as the typed configuration the use cases store: instants parsed, fen as bigint. */
export function toProgramInput(dto: ProgramDto): ProgramInput {
  const { review } = dto;
  const reviewSettings: ReviewSettings = {
    stages: {
      formal_check: review.stages.formal_check,
      district_review: review.stages.district_review,
      technical_review: review.stages.technical_review,
      expert_review: review.stages.expert_review,
    },
    ...(review.stageOrder ? { stageOrder: [...review.stageOrder] } : {}),
    formalCheckWorkingDays: review.formalCheckWorkingDays,
    ...(review.districtReviewWorkingDays !== undefined ? { districtReviewWorkingDays: review.districtReviewWorkingDays } : {}),
    ...(review.technicalReviewWorkingDays !== undefined ? { technicalReviewWorkingDays: review.technicalReviewWorkingDays } : {}),
    ...(review.expertReviewWorkingDays !== undefined ? { expertReviewWorkingDays: review.expertReviewWorkingDays } : {}),
    correctionWorkingDays: review.correctionWorkingDays,
    panel: review.panel
      ? {
          size: review.panel.size,
          quorum: review.panel.quorum,
          scoringDays: review.panel.scoringDays,
          reminderHoursBefore: review.panel.reminderHoursBefore,
          combine: review.panel.combine,
          rubric: { criteria: review.panel.rubric.criteria.map((c) => ({ key: c.key, label: c.label, maxPoints: c.maxPoints })) },
        }
      : null,
    publicity: { days: review.publicity.days, unit: review.publicity.unit },
    cityReviewedKinds: [...review.cityReviewedKinds],
  };
  return {
    year: dto.year,
    title: dto.title,
    policyId: dto.policyId,
    window: { kind: dto.window.kind, opensAt: parseInstant(dto.window.opensAt, 'window.opensAt'), closesAt: parseInstant(dto.window.closesAt, 'window.closesAt') },
    call: {
      title: dto.call.title,
      body: dto.call.body,
      materials: Object.fromEntries(Object.entries(dto.call.materials).map(([type, list]) => [type, [...list]])),
      ...(dto.call.receivingOffice !== undefined ? { receivingOffice: dto.call.receivingOffice } : {}),
    },
    review: reviewSettings,
    budget: {
      totalFen: BigInt(dto.budget.totalFen),
      rule: dto.budget.rule,
      sources: dto.budget.sources.map((s) => ({ source: s.source as FundingSourceKey, amountFen: BigInt(s.amountFen) })),
    },
  };
}
