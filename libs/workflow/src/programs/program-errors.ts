import { DomainError, Localized } from '@subsidy/common';

/** The policy file a program was configured with has changed since; its figures can no longer be trusted as-is. */
export class PolicyVersionChangedError extends DomainError {
  readonly code = 'policy_version_changed';
  readonly status = 409;
  constructor(policyId: string, detail: Localized) {
    super({
      zh: `本项目所依据的政策文件${detail.zh}；项目一经设置即锁定其政策版本，须由项目主管部门核查项目后方可继续使用`,
      en: `The policy version ${policyId} this program uses ${detail.en}; a program's policy is frozen once configured, so the program office must check the program before it can be used`,
    });
  }
}

/** A close job that overtook the opening job of the same program; thrown so the queue retries it after the opening. */
export class ProgramNotOpenedYetError extends Error {
  constructor(programId: string) {
    super(`Program ${programId} has not been opened yet; closing waits for the opening job`);
  }
}

/**
 * A well-formed program configuration that its policy text forbids (window outside the text's validity, a required
 * review step off, a deadline or publicity period other than the text's). 422: the request is understood, but the
 * text it is bound to does not allow it. Details name each JSON path and the article.
 */
export class ProgramContradictsPolicyError extends DomainError {
  readonly code = 'contradicts_policy';
  readonly status = 422;
}

/**
 * A program with district review whose tenant has districts where applications could arrive with no active district
 * reviewer to take them (they would wait in district review with nobody told). 422: names each district by its
 * Chinese name (and code), so the office knows whom to appoint or whether to turn district review off.
 */
export class DistrictReviewersMissingError extends DomainError {
  readonly code = 'district_reviewers_missing';
  readonly status = 422;
  constructor(districts: ReadonlyArray<{ code: string; nameZh: string }>) {
    const zh = districts.map((d) => `${d.nameZh}（${d.code}）`);
    const en = districts.map((d) => `${d.nameZh} (${d.code})`);
    super(
      {
        zh: `本项目设有区县初审，但以下区县已有可申报单位却没有在岗的区县审核员：${zh.join('、')}。请先为其设置区县审核员，再发布项目。`,
        en: `The program has a district review, but these districts have organizations that can apply and no active district reviewer: ${en.join(', ')}. Appoint one for each before scheduling.`,
      },
      districts.map((d, i) => ({
        path: 'review.stages.district_review',
        message: `no active district reviewer in ${en[i]}`,
        messageZh: `${zh[i]}没有在岗的区县审核员`,
      })),
    );
  }
}
