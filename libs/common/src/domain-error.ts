export interface ErrorDetail {
  /** JSON path of the offending field, e.g. `achievements[0].level`; empty when the error concerns the whole request. */
  path: string;
  message: string;
  /** The same message in Chinese, where the module wrote one; the HTTP layer shows it to Chinese readers. */
  messageZh?: string;
}

/** A message a user reads, in Chinese (the default) and English; the HTTP layer picks one by `Accept-Language`. */
export interface Localized {
  zh: string;
  en: string;
}

/**
 * Base of every error a module raises on purpose. Each module declares its own subclasses with a stable `code`,
 * the HTTP status it maps to and a message a user understands; the HTTP layer renders `{ code, message, details }`.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  readonly details: ErrorDetail[];
  /** Both languages, always: a plain English string does not compile; `message` stays the English text for logs. */
  readonly localized: Localized;

  constructor(message: Localized, details: ErrorDetail[] = []) {
    super(message.en);
    this.name = new.target.name;
    this.details = details;
    this.localized = message;
  }
}

/** The summary of a 400 whose details say, field by field, what is wrong. */
export function invalidRequest(details: readonly ErrorDetail[], what: Localized = { zh: '提交的内容有误', en: 'Invalid request' }): Localized {
  const paths = [...new Set(details.map((d) => d.path))].filter((p) => p !== '');
  return { zh: `${what.zh}，请按各项提示修改`, en: paths.length ? `${what.en}: ${paths.join(', ')}` : what.en };
}

export class ValidationFailedError extends DomainError {
  readonly code = 'validation_failed';
  readonly status = 400;
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  readonly status = 404;
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  readonly status = 403;
}

export class ConflictError extends DomainError {
  readonly code: string;
  readonly status = 409;
  constructor(code: string, message: Localized, details: ErrorDetail[] = []) {
    super(message, details);
    this.code = code;
  }
}

export class MalformedJsonError extends DomainError {
  readonly code = 'malformed_json';
  readonly status = 400;
  constructor(reason: Localized = { zh: '不是有效的 JSON', en: 'malformed JSON' }) {
    super({ zh: `请求体不是有效的 JSON：${reason.zh}`, en: `The request body is not valid JSON: ${reason.en}` }, [{ path: '', message: reason.en, messageZh: reason.zh }]);
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly code = 'payload_too_large';
  readonly status = 413;
  constructor(limitBytes = 1024 * 1024) {
    const size = limitBytes % (1024 * 1024) === 0 ? `${limitBytes / (1024 * 1024)} MB` : `${limitBytes} bytes`;
    super({ zh: `请求体超过 ${size} 的上限，未读取`, en: `The request body is larger than ${size}; it was not read` }, [
      { path: '', message: `at most ${size}`, messageZh: `最多 ${size}` },
    ]);
  }
}
