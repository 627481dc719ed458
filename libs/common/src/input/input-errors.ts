import { DomainError, ErrorDetail, Localized } from '../domain-error';

/** Why the edge refused a request before any controller saw it; each is a stable `code` of the error body. */
export type InputProblem = 'invalid_unicode' | 'nul_character' | 'forbidden_key' | 'json_too_deep' | 'invalid_header';

/** One offending place: a JSON path (`achievements[0].title`), a query parameter, a header or the URL path. */
export interface InputIssue extends ErrorDetail {
  problem: InputProblem;
  messageZh: string;
}

const SUMMARIES: Record<InputProblem, (limit?: number) => Localized> = {
  invalid_unicode: () => ({
    zh: '请求中含有不合规范的 Unicode 文本（孤立的代理项或不是 UTF-8 的字节），未作任何处理',
    en: 'The request contains text that is not well-formed Unicode (a lone surrogate or bytes that are not UTF-8); nothing was done',
  }),
  nul_character: () => ({ zh: '请求中含有 NUL（空）字符，未作任何处理', en: 'The request contains a NUL character; nothing was done' }),
  forbidden_key: () => ({
    zh: '请求使用了保留的键名（__proto__、constructor 或 prototype），未作任何处理',
    en: 'The request uses a reserved key (__proto__, constructor or prototype); nothing was done',
  }),
  json_too_deep: (limit) => ({ zh: `JSON 请求体嵌套超过 ${limit} 层，未作任何处理`, en: `The JSON body is nested more than ${limit} levels deep; nothing was done` }),
  invalid_header: () => ({ zh: '请求头的值无效，未作任何处理', en: 'A request header has an invalid value; nothing was done' }),
};

/** 400: the request's text, keys, nesting or headers are refused at the edge, before anything reads them. */
export class InputRefusedError extends DomainError {
  readonly code: InputProblem;
  readonly status = 400;
  constructor(issues: InputIssue[], depthLimit?: number) {
    super(SUMMARIES[issues[0].problem](depthLimit), issues.map(({ path, message, messageZh }) => ({ path, message, messageZh })));
    this.code = issues[0].problem;
  }
}

/** 415: a body in a charset or content encoding the API does not read (JSON is UTF-8, RFC 8259 section 8.1). */
export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported_media_type';
  readonly status = 415;
  constructor(what: Localized, path = 'Content-Type') {
    super({ zh: `不支持的请求体格式：${what.zh}`, en: `Unsupported request body: ${what.en}` }, [{ path, message: what.en, messageZh: what.zh }]);
  }
}
