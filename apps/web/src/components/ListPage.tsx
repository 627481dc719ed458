import { Button, Card, DatePicker, Flex, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Key, ReactNode, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { defineMessages, useT } from '../i18n/messages';
import { ErrorAlert } from './ErrorAlert';
import { useKeyboardScroll } from './scroll-region';
import { useHiddenMeasureRow } from './measure-row';

const messages = defineMessages({
  zh: { search: '查询', reset: '重置', total: '共 {total} 条', selected: '已选 {count} 项', filters: '查询条件', scroll: '{title}（表格，可用方向键左右滚动）', table: '列表' },
  en: { search: 'Search', reset: 'Reset', total: '{total} in all', selected: '{count} selected', filters: 'Filters', scroll: '{title} (table; scroll sideways with the arrow keys)', table: 'List' },
});

export interface ListParams {
  page: number;
  pageSize: number;
  /** A sort field, "-field" for descending, as the API takes it. */
  sort?: string;
  filters: Record<string, string>;
}

export interface FilterField {
  name: string;
  label: string;
  kind: 'text' | 'select' | 'date';
  options?: Array<{ value: string; label: string }>;
  placeholder?: string;
}

interface ListPageProps<Row> {
  title: ReactNode;
  queryKey: readonly unknown[];
  columns: ColumnsType<Row>;
  fetchPage: (params: ListParams) => Promise<{ rows: Row[]; total: number }>;
  rowKey: (row: Row) => string;
  filters?: FilterField[];
  /** 新增 / 导出 and the like, right of the title. */
  toolbar?: ReactNode;
  /** 批量 actions over the selected rows; without it the table has no selection column. */
  bulkActions?: (selected: Row[], clear: () => void) => ReactNode;
  defaultPageSize?: number;
  /** 2 when the list sits inside a screen that has its own h1 (a tab of a program page); 1 otherwise. */
  headingLevel?: 1 | 2;
}

/**
 * The list screen officers know: a search form over a server-paginated table, a toolbar, bulk actions. Page, size,
 * sort and filters live in the URL, so a list can be bookmarked, shared and restored with the back button.
 */
export function ListPage<Row extends object>(props: ListPageProps<Row>) {
  const t = useT(messages);
  const [search, setSearch] = useSearchParams();
  const [form] = Form.useForm();
  const [selected, setSelected] = useState<Row[]>([]);
  const tableArea = useRef<HTMLDivElement>(null);
  useKeyboardScroll(tableArea, t('scroll', { title: typeof props.title === 'string' ? props.title : t('table') }));
  useHiddenMeasureRow(tableArea);
  const params: ListParams = useMemo(() => {
    const filters: Record<string, string> = {};
    for (const field of props.filters ?? []) {
      const value = search.get(field.name);
      if (value) filters[field.name] = value;
    }
    return {
      page: Math.max(1, Number(search.get('page')) || 1),
      pageSize: Math.min(200, Math.max(1, Number(search.get('pageSize')) || (props.defaultPageSize ?? 20))),
      sort: search.get('sort') ?? undefined,
      filters,
    };
  }, [search, props.filters, props.defaultPageSize]);

  const query = useQuery({
    queryKey: [...props.queryKey, params],
    queryFn: () => props.fetchPage(params),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    setSearch(next);
  };

  const onSearch = (values: Record<string, unknown>) => {
    const changes: Record<string, string | undefined> = { page: undefined };
    for (const field of props.filters ?? []) {
      const value = values[field.name];
      changes[field.name] = value === undefined || value === null ? undefined : dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : String(value).trim();
    }
    update(changes);
  };

  const onTableChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: SorterResult<Row> | SorterResult<Row>[]) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = single?.order ? String(single.columnKey ?? single.field) : undefined;
    update({
      page: pagination.current && pagination.current > 1 ? String(pagination.current) : undefined,
      pageSize: pagination.pageSize && pagination.pageSize !== (props.defaultPageSize ?? 20) ? String(pagination.pageSize) : undefined,
      sort: field ? (single.order === 'descend' ? `-${field}` : field) : undefined,
    });
  };

  const columns = props.columns.map((column) => {
    const key = String(column.key ?? '');
    if (!column.sorter || !params.sort) return { ...column, sortOrder: null };
    const order = params.sort === key ? 'ascend' : params.sort === `-${key}` ? 'descend' : null;
    return { ...column, sortOrder: order };
  }) as ColumnsType<Row>;

  const initialValues = Object.fromEntries(
    (props.filters ?? []).map((field) => [field.name, field.kind === 'date' && params.filters[field.name] ? dayjs(params.filters[field.name]) : params.filters[field.name]]),
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {props.filters && props.filters.length > 0 && (
        <Card size="small" title={<span>{t('filters')}</span>}>
          <Form form={form} layout="inline" initialValues={initialValues} onFinish={onSearch} role="search">
            {props.filters.map((field) => (
              <Form.Item key={field.name} name={field.name} label={field.label} style={{ marginBottom: 8 }}>
                {field.kind === 'select' ? (
                  <Select allowClear style={{ minWidth: 160 }} options={field.options} placeholder={field.placeholder} />
                ) : field.kind === 'date' ? (
                  <DatePicker />
                ) : (
                  <Input allowClear placeholder={field.placeholder} style={{ width: 200 }} />
                )}
              </Form.Item>
            ))}
            <Form.Item style={{ marginBottom: 8 }}>
              <Space>
                <Button type="primary" htmlType="submit">{t('search')}</Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    update(Object.fromEntries([...(props.filters ?? []).map((f) => [f.name, undefined]), ['page', undefined], ['sort', undefined]]));
                  }}
                >
                  {t('reset')}
                </Button>
              </Space>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Card
        size="small"
        title={<Typography.Title level={props.headingLevel ?? 1} style={{ fontSize: 18, margin: 0 }}>{props.title}</Typography.Title>}
        extra={
          <Space>
            {props.bulkActions && selected.length > 0 && (
              <>
                <Typography.Text>{t('selected', { count: selected.length })}</Typography.Text>
                {props.bulkActions(selected, () => setSelected([]))}
              </>
            )}
            {props.toolbar}
          </Space>
        }
      >
        {query.error && <ErrorAlert error={query.error} />}
        <Flex vertical ref={tableArea}>
          <Table<Row>
            rowKey={props.rowKey}
            columns={columns}
            dataSource={query.data?.rows ?? []}
            loading={query.isFetching}
            onChange={onTableChange}
            scroll={{ x: 'max-content' }}
            rowSelection={
              props.bulkActions
                ? {
                    selectedRowKeys: selected.map(props.rowKey) as Key[],
                    onChange: (_keys, rows) => setSelected(rows),
                  }
                : undefined
            }
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: query.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('total', { total }),
            }}
          />
        </Flex>
      </Card>
    </Space>
  );
}
