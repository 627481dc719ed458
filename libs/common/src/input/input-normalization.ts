import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { DomainError, MalformedJsonError, PayloadTooLargeError } from '../domain-error';
import { InputRefusedError, UnsupportedMediaTypeError } from './input-errors';
import { inspectHeaders, inspectJson, inspectQueryString, inspectUrlPath, jsonDepthExceeds, MAX_JSON_DEPTH } from './text-checks';

export interface InputNormalizationOptions {
  /** The largest JSON body, in bytes; a larger declared Content-Length is refused before a byte of the body is read. */
  jsonLimitBytes: number;
  /**
   * The request headers the application reads, each refused unless printable ASCII, and unless it matches its pattern
   * (when one is given) once trimmed: e.g. `{ 'X-Tenant-Id': TENANT_ID_PATTERN, 'Accept-Language': null }`.
   */
  headers: Record<string, RegExp | null>;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;
const MULTIPART_TYPE = /^multipart\/form-data\s*(;|$)/i;

/**
 * The checks that need no body: the URL path and the raw query string (percent-escapes that decode to no text, NUL,
 * reserved keys), the headers the application reads, a declared body larger than the limit, and a JSON charset other
 * than UTF-8. Runs first, so a refusal costs nothing and changes nothing.
 */
function refuseBeforeReading(options: InputNormalizationOptions) {
  const headerNames = Object.keys(options.headers);
  const patterns = Object.fromEntries(Object.entries(options.headers).flatMap(([name, pattern]) => (pattern ? [[name.toLowerCase(), pattern]] : [])));
  return (request: Request, response: Response, next: NextFunction): void => {
    const url = request.originalUrl ?? request.url;
    const queryAt = url.indexOf('?');
    const issues = [
      ...inspectUrlPath(queryAt < 0 ? url : url.slice(0, queryAt)),
      ...(queryAt < 0 ? [] : inspectQueryString(url.slice(queryAt + 1))),
      ...inspectHeaders(request.headers, patterns, headerNames),
    ];
    if (issues.length) return next(new InputRefusedError(issues));

    const contentType = request.headers['content-type'] ?? '';
    const declared = Number(request.headers['content-length'] ?? 0);
    // Multipart uploads have their own, larger limits, enforced by the route that accepts them while it reads.
    if (declared > options.jsonLimitBytes && !MULTIPART_TYPE.test(contentType)) {
      // Nothing of the body is read: the connection closes after the answer instead of draining what the client sends.
      response.setHeader('Connection', 'close');
      return next(new PayloadTooLargeError(options.jsonLimitBytes));
    }
    const charset = CHARSET.exec(contentType)?.[1]?.toLowerCase();
    if (JSON_TYPE.test(contentType) && charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return next(new UnsupportedMediaTypeError({ zh: `JSON 必须使用 UTF-8 编码，而不是 ${charset}`, en: `JSON must be encoded in UTF-8, not ${charset}` }));
    }
    next();
  };
}

/**
 * Runs on the raw bytes before JSON.parse: bytes that are not UTF-8 would otherwise be replaced by U+FFFD without a
 * word, and a deeply nested text would be parsed before anything could refuse it.
 */
function verifyJsonBytes(_request: Request, _response: Response, bytes: Buffer): void {
  if (!isUtf8(bytes)) {
    throw new InputRefusedError([
      { problem: 'invalid_unicode', path: '', message: 'the body is not valid UTF-8', messageZh: '请求体不是有效的 UTF-8 编码' },
    ]);
  }
  if (jsonDepthExceeds(bytes, MAX_JSON_DEPTH)) {
    throw new InputRefusedError(
      [{ problem: 'json_too_deep', path: '', message: `nested more than ${MAX_JSON_DEPTH} levels deep`, messageZh: `嵌套超过 ${MAX_JSON_DEPTH} 层` }],
      MAX_JSON_DEPTH,
    );
  }
}

interface BodyParserError {
  type?: string;
  status?: number;
  encoding?: string;
  charset?: string;
}

/**
 * Gives every error of the JSON body parser a code and a 4xx: without this, Nest answers an unsupported content
 * encoding or charset, or a body that does not inflate, with a 500.
 */
function nameBodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  if (error instanceof DomainError || error === null || typeof error !== 'object') return next(error);
  const { type, status, encoding, charset } = error as BodyParserError;
  if (type === 'entity.parse.failed') return next(new MalformedJsonError());
  if (type === 'entity.too.large') return next(new PayloadTooLargeError());
  if (type === 'encoding.unsupported') {
    return next(new UnsupportedMediaTypeError({ zh: `不支持的内容编码 ${encoding ?? ''}`, en: `content encoding ${encoding ?? ''} is not supported` }, 'Content-Encoding'));
  }
  if (type === 'charset.unsupported') return next(new UnsupportedMediaTypeError({ zh: `不支持的字符集 ${charset ?? ''}`, en: `charset ${charset ?? ''} is not supported` }));
  // Anything else the parser marks as the client's fault (a body that does not inflate, a length that does not match).
  if (typeof status === 'number' && status >= 400 && status < 500) return next(new MalformedJsonError({ zh: '请求体无法读取（内容编码或长度与声明不符）', en: 'the body could not be read (its content encoding or length does not match the headers)' }));
  next(error);
}

/** Walks the parsed JSON body once; on success the controllers see a copy whose strings are NFC. */
function inspectJsonBody(request: Request & { _body?: boolean }, _response: Response, next: NextFunction): void {
  if (!request._body || request.body === null || typeof request.body !== 'object') return next();
  const { value, issues } = inspectJson(request.body);
  if (issues.length) return next(new InputRefusedError(issues, MAX_JSON_DEPTH));
  request.body = value;
  next();
}

/**
 * The one place where every request's input is normalized, before any guard, pipe or controller: well-formed
 * Unicode without NUL everywhere (URL, query, headers read, JSON keys and strings), no reserved keys, JSON nested at
 * most MAX_JSON_DEPTH deep and no larger than the limit (refused from its declared length before reading), JSON in
 * UTF-8 and NFC. Each refusal is a 4xx naming the offending place; nothing has run, so nothing has changed.
 * Multipart text fields are parsed later, by the route that accepts an upload, which applies `inspectTextFields`.
 */
export function installInputNormalization(app: NestExpressApplication, options: InputNormalizationOptions): void {
  app.use(refuseBeforeReading(options));
  // Nest's type leaves `verify` out because its own rawBody option uses it; this application does not enable rawBody.
  const parserOptions = { limit: options.jsonLimitBytes, strict: true, verify: verifyJsonBytes };
  app.useBodyParser('json', parserOptions);
  app.use(nameBodyParserErrors);
  app.use(inspectJsonBody);
}
