import { DomainError, ErrorDetail, Localized } from '@subsidy/common';

/** One application per program per organization; the answer names the existing one so the client can open it. */
export class ApplicationExistsError extends DomainError {
  readonly code = 'application_exists';
  readonly status = 409;
  constructor(readonly applicationId: string) {
    super({ zh: '本单位已就该项目提交过申报，请打开已有的申报继续办理', en: `Your organization already has an application for this program (${applicationId})` }, [
      { path: 'applicationId', message: applicationId },
    ]);
  }
}

/** A precondition of submission is missing (declaration, achievements); the message says which. */
export class SubmissionIncompleteError extends DomainError {
  readonly status = 409;
  constructor(
    readonly code: 'declaration_required' | 'achievements_required',
    message: Localized,
    details: ErrorDetail[],
  ) {
    super(message, details);
  }
}

/** Bad achievements: every problem with its path inside the request body (`achievements[i].field`). */
export class AchievementsInvalidError extends DomainError {
  readonly code = 'validation_failed';
  readonly status = 400;
  constructor(details: ErrorDetail[]) {
    const paths = [...new Set(details.map((d) => d.path))];
    super({ zh: `成果信息填写有误，请按提示修改（共 ${paths.length} 处）`, en: `Invalid achievements: ${paths.join(', ')}` }, details);
  }
}

export class EvidenceNotFoundError extends DomainError {
  readonly code = 'evidence_not_found';
  readonly status = 404;
  constructor() {
    super({ zh: '没有找到该证明材料', en: 'No such evidence file' });
  }
}

/**
 * An upload refused by its content or size (codes from @subsidy/storage's UploadRejectionCode) or by the application's
 * evidence caps (evidence_too_many_files, evidence_total_too_large).
 */
export class EvidenceRejectedError extends DomainError {
  constructor(
    readonly code: string,
    readonly status: number,
    message: Localized,
    path = 'file',
  ) {
    super(message, [{ path, message: message.en, messageZh: message.zh }]);
  }
}

/** The stored bytes no longer match their checksum: never serve them, tell an operator. */
export class EvidenceCorruptedError extends DomainError {
  readonly code = 'evidence_corrupted';
  readonly status = 500;
  constructor() {
    super({
      zh: '该证明材料在存储中已损坏，无法提供下载；已通知运维人员处理',
      en: 'This evidence file is damaged in storage and cannot be served; the operators have been alerted',
    });
  }
}

/**
 * Achievements a rolling (all-year) call does not take: the policy accepts only some items all year (e.g. Huangpu
 * 第十二条); each detail names `achievements[i]` and says, in Chinese, which items the call takes.
 */
export class NotAcceptedAllYearError extends DomainError {
  readonly code = 'not_accepted_all_year';
  readonly status = 422;
  constructor(details: ErrorDetail[]) {
    super(
      {
        zh: `以下成果不在全年受理范围内：${details.map((d) => d.messageZh ?? d.message).join('；')}`,
        en: `Not accepted all year: ${details.map((d) => d.path).join(', ')}`,
      },
      details,
    );
  }
}

/**
 * Submission while a material the call requires for an achievement (call.materials, per achievement type) has no
 * evidence file: one detail per missing (achievement, material) pair, `achievements[i]`, in Chinese and English.
 */
export class MaterialsMissingError extends DomainError {
  readonly code = 'materials_missing';
  readonly status = 422;
  constructor(details: ErrorDetail[]) {
    super(
      {
        zh: `申报材料不全，不能提交：${details.map((d) => d.messageZh ?? d.message).join('；')}`,
        en: `Required materials are missing: ${details.map((d) => d.message).join('; ')}`,
      },
      details,
    );
  }
}
