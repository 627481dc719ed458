import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from './domain-error';
import { ErrorBody } from './error-body';

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
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
    if (exception instanceof DomainError) {
      const message = exception.localized ? (english ? exception.localized.en : exception.localized.zh) : exception.message;
      const details = exception.details.map(({ path, message: en, messageZh }) => ({ path, message: english || !messageZh ? en : messageZh }));
      return { status: exception.status, body: { code: exception.code, message, details } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return {
        status,
        body: {
          code: STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'error'),
          message: Array.isArray(message) ? message.join('; ') : String(message),
          details: [],
        },
      };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: 'internal_error', message: 'Something went wrong on our side; please retry or quote the request id', details: [] },
    };
  }
}
