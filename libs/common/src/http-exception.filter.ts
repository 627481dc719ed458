import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, Localized } from './domain-error';
import { ErrorBody } from './error-body';
import { HolidayScheduleUnavailableError } from './holiday-schedule-unavailable.error';

/**
 * Errors Nest or a library raises itself (an unknown route, the throttler, a guard, body parsing), which carry no
 * code or Chinese text of their own: each status gets a stable code and a message in both languages.
 */
export const HTTP_STATUS_ERRORS: Readonly<Record<number, { code: string } & Localized>> = {
  400: { code: 'bad_request', zh: '请求有误，请检查后重试', en: 'The request is not valid' },
  401: { code: 'unauthorized', zh: '请先登录', en: 'Sign in first' },
  403: { code: 'forbidden', zh: '您无权执行此操作', en: 'You may not do this' },
  404: { code: 'not_found', zh: '没有找到所请求的地址或记录', en: 'Not found' },
  405: { code: 'method_not_allowed', zh: '该地址不支持此种请求方式', en: 'This method is not allowed here' },
  409: { code: 'conflict', zh: '请求与当前状态冲突，请刷新后重试', en: 'The request conflicts with the current state' },
  413: { code: 'payload_too_large', zh: '请求内容过大，未予处理', en: 'The request body is too large' },
  415: { code: 'unsupported_media_type', zh: '不支持的请求内容格式', en: 'Unsupported request body type' },
  422: { code: 'unprocessable_entity', zh: '请求内容无法处理，请检查后重试', en: 'The request cannot be processed' },
  429: { code: 'too_many_requests', zh: '操作过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
  500: { code: 'internal_error', zh: '系统内部出错，请稍后重试；如仍有问题，请提供请求编号联系运维人员', en: 'Something went wrong on our side; please retry or quote the request id' },
  503: { code: 'internal_error', zh: '服务暂时不可用，请稍后重试', en: 'The service is temporarily unavailable; please retry later' },
};

/**
 * Chinese unless the reader's first language is English: the product's users read Chinese, and a client that says
 * nothing gets Chinese too.
 */
export function prefersEnglish(acceptLanguage: string | string[] | undefined): boolean {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  const first = header?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en');
}

/** Renders every error as `{ code, message, details }`; unexpected errors are logged and never leak a stack trace. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const { status, body } = this.toBody(exception, prefersEnglish(request.headers['accept-language']));
    body.requestId = typeof request.id === 'string' ? request.id : undefined;
    if (status >= 500) this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    if (response.headersSent) return;
    if (body.requestId) response.setHeader('X-Request-Id', body.requestId);
    response.status(status).json(body);
  }

  private toBody(exception: unknown, english: boolean): { status: number; body: ErrorBody } {
    // The pure calendar's refusal to count working days into a year without a known holiday notice.
    exception = HolidayScheduleUnavailableError.from(exception) ?? exception;
    if (exception instanceof DomainError) {
      const message = english ? exception.localized.en : exception.localized.zh;
      const details = exception.details.map(({ path, message: en, messageZh }) => ({ path, message: english || !messageZh ? en : messageZh }));
      return { status: exception.status, body: { code: exception.code, message, details } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const known = HTTP_STATUS_ERRORS[status] ?? (status >= 500 ? { ...HTTP_STATUS_ERRORS[500], code: 'internal_error' } : { ...HTTP_STATUS_ERRORS[400], code: 'error' });
      // Nest's own text ("Cannot GET /x", "ThrottlerException: Too Many Requests") helps an English-reading developer;
      // a Chinese reader gets the status's own message, never a framework's English.
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      const en = status >= 500 ? known.en : Array.isArray(raw) ? raw.join('; ') : String(raw);
      return { status, body: { code: known.code, message: english ? en : known.zh, details: [] } };
    }
    const internal = HTTP_STATUS_ERRORS[500];
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: internal.code, message: english ? internal.en : internal.zh, details: [] },
    };
  }
}
