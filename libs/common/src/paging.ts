import { ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Server-side paging of list endpoints (issue 10). Every list takes `page` (1-based) and `pageSize`, a `sort` from its
 * own whitelist (`field` ascending, `-field` descending) and its own filters; the response body keeps its shape (the
 * page's rows) and the header `X-Total-Count` carries how many rows match before paging.
 *
 * The paging goes into SQL: `order by <sort>, <tiebreaker>` with a unique tiebreaker (the id) so that pages never
 * repeat or skip a row, `limit/offset`, and `count(*)` over the same `where`.
 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const TOTAL_COUNT_HEADER = 'X-Total-Count';

/** The paging half of a list's query; a list's own query class extends it with `sort` and its filters. */
export class PageQuery {
  @ApiPropertyOptional({ description: '页码，从 1 开始 (1-based page number)', minimum: 1, maximum: 1_000_000, default: 1, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ description: '每页条数 (rows per page)', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export interface PageWindow {
  limit: number;
  offset: number;
}

/** The rows a page asks for; `defaultSize` for lists whose first page has always been longer. */
export function pageWindow(query: PageQuery, defaultSize = DEFAULT_PAGE_SIZE): PageWindow {
  const size = query.pageSize ?? defaultSize;
  return { limit: size, offset: ((query.page ?? 1) - 1) * size };
}

/** One page of a list and how many rows match in all. */
export interface Paged<T> {
  rows: T[];
  total: number;
}

/**
 * A list's sort whitelist: the public field names and the SQL expression each orders by. `values` feeds `@IsIn` (so a
 * bad sort is a 400 naming `sort`), `orderBy` gives the SQL `order by` list ending with the unique tiebreaker.
 */
export class SortSpec<F extends string> {
  readonly values: readonly string[];

  constructor(
    private readonly columns: Readonly<Record<F, string>>,
    /** The list's order when no sort is asked for (what it has always been), without the tiebreaker. */
    private readonly defaultOrder: string,
    /** A unique column (or columns) that makes the order total. */
    private readonly tiebreaker: string,
  ) {
    const fields = Object.keys(columns);
    this.values = [...fields, ...fields.map((field) => `-${field}`)];
  }

  get fields(): readonly F[] {
    return Object.keys(this.columns) as F[];
  }

  /** `sort` has been validated against `values`; anything else falls back to the default order. */
  orderBy(sort: string | undefined): string {
    if (!sort) return `${this.defaultOrder}, ${this.tiebreaker}`;
    const descending = sort.startsWith('-');
    const field = (descending ? sort.slice(1) : sort) as F;
    const column = Object.prototype.hasOwnProperty.call(this.columns, field) ? this.columns[field] : undefined;
    if (!column) return `${this.defaultOrder}, ${this.tiebreaker}`;
    return `${column} ${descending ? 'desc' : 'asc'} nulls last, ${this.tiebreaker}`;
  }

  /** For lists computed in memory: a comparator for the same whitelist (the caller still breaks ties on the id). */
  compare<T>(sort: string | undefined, read: (row: T, field: F) => string | number | null): ((a: T, b: T) => number) | null {
    if (!sort) return null;
    const descending = sort.startsWith('-');
    const field = (descending ? sort.slice(1) : sort) as F;
    if (!Object.prototype.hasOwnProperty.call(this.columns, field)) return null;
    return (a, b) => {
      const x = read(a, field);
      const y = read(b, field);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      const order = x < y ? -1 : 1;
      return descending ? -order : order;
    };
  }
}

/** The minimal part of an HTTP response a list sets its total on (express's Response has it). */
export interface TotalCountTarget {
  setHeader(name: string, value: string | number): unknown;
}

/** Sets `X-Total-Count` and returns the page's rows. */
export function withTotalCount<T>(response: TotalCountTarget, page: Paged<T>): T[] {
  response.setHeader(TOTAL_COUNT_HEADER, String(page.total));
  return page.rows;
}

/**
 * OpenAPI: the list operation's 200 response carries `X-Total-Count`; `type` documents its body (a response DTO class).
 * A 200 response declared already (an `@ApiOkResponse({ type })` below this decorator) keeps its type and gains the header.
 */
export function ApiTotalCount(description = 'The list page', type?: Function): MethodDecorator {
  const header = { description: '符合条件的总条数（分页前）(rows matching before paging)', schema: { type: 'integer', minimum: 0 } };
  return (target, key, descriptor) => {
    const existing = Reflect.getMetadata(DECORATORS.API_RESPONSE, descriptor.value as object) as Record<string, Record<string, unknown>> | undefined;
    const ok = existing?.['200'];
    if (!ok) return ApiOkResponse({ description, ...(type ? { type } : {}), headers: { [TOTAL_COUNT_HEADER]: header } })(target, key, descriptor);
    const headers = { ...((ok.headers as Record<string, unknown> | undefined) ?? {}), [TOTAL_COUNT_HEADER]: header };
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, { ...existing, '200': { ...(type && !ok.type ? { type } : {}), ...ok, description: ok.description || description, headers } }, descriptor.value as object);
    return descriptor;
  };
}

/**
 * One page of the rows inside a document a use case assembles in memory (the decision list with its budget effect, the
 * payer shares): asked with `page`/`pageSize`, the same window as SQL paging takes over rows already in their final
 * order; asked without either, every row, as these documents have always answered (their totals are the whole's).
 */
export function pageOfRows<T>(rows: readonly T[], query: PageQuery): Paged<T> {
  if (query.page === undefined && query.pageSize === undefined) return { rows: [...rows], total: rows.length };
  const window = pageWindow(query);
  return { rows: rows.slice(window.offset, window.offset + window.limit), total: rows.length };
}
