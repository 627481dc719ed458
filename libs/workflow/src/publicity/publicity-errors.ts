import { DomainError } from '@subsidy/common';

export class PublicityNotFoundError extends DomainError {
  readonly code = 'publicity_not_found';
  readonly status = 404;
  constructor() {
    super({ zh: '没有找到该公示', en: 'No such publicity' });
  }
}

export class ObjectionNotFoundError extends DomainError {
  readonly code = 'objection_not_found';
  readonly status = 404;
  constructor() {
    super({ zh: '没有找到该异议', en: 'No such objection' });
  }
}

export class UnknownTenantError extends DomainError {
  readonly code = 'unknown_tenant';
  readonly status = 404;
  constructor() {
    super({ zh: '没有找到该地区', en: 'No such tenant' });
  }
}

/** Objections are accepted only while the publicity runs (until the end of its last day, China Standard Time). */
export class PublicityClosedError extends DomainError {
  readonly code = 'publicity_closed';
  readonly status = 409;
  constructor() {
    super({ zh: '公示期已结束，不再受理异议', en: 'The publicity period has ended; objections are no longer accepted' });
  }
}

/** A contact already has this many objections under review in this publicity; the office answers them first. */
export class TooManyOpenObjectionsError extends DomainError {
  readonly code = 'too_many_open_objections';
  readonly status = 409;
  constructor(limit: number, path: 'contactPhone' | 'contactEmail') {
    super(
      {
        en: `You already have ${limit} objections under review in this publicity; the office will answer them before accepting more from you`,
        zh: `您在本次公示中已有 ${limit} 件异议正在复核，办公室答复后方可再提出新的异议`,
      },
      [{ path, message: `at most ${limit} objections under review per contact`, messageZh: `每位联系人同时最多 ${limit} 件待复核异议` }],
    );
  }
}

/** This contact's objection to this award was already decided during this publicity; the reply went to the contact. */
export class ObjectionAlreadyResolvedError extends DomainError {
  readonly code = 'objection_already_resolved';
  readonly status = 409;
  constructor(readonly referenceId: string) {
    super(
      {
        en: `Your objection to this award (reference ${referenceId}) has already been reviewed and answered; it cannot be raised again in this publicity`,
        zh: `您对该资助的异议（编号 ${referenceId}）已复核并答复，本次公示期内不再重复受理`,
      },
      [{ path: 'applicationId', message: `already objected to (reference ${referenceId})`, messageZh: `已提出过异议（编号 ${referenceId}）` }],
    );
  }
}

/** Too many objections from one client address in the window (counted in Redis across every API process). */
export class ObjectionRateLimitedError extends DomainError {
  readonly code = 'objection_rate_limited';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super({
      en: `Too many objections from your network address; try again in ${retryAfterSeconds} seconds`,
      zh: `来自您网络地址的异议提交过于频繁，请 ${retryAfterSeconds} 秒后再试`,
    });
  }
}
