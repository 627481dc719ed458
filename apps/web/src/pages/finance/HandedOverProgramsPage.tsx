import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { api, unwrapPage } from '../../api/client';
import type { ProgramListQuery } from '../../api/types';
import { ListPage } from '../../components/ListPage';
import { formatYuan } from '../../format/money';
import { useLabel } from '../../i18n/labels';
import { defineMessages, useT } from '../../i18n/messages';
import { ProgramSummary } from './finance-api';

const messages = defineMessages({
  zh: { title: '已移交项目', year: '年度', program: '项目名称', budget: '项目预算（元）', status: '状态', action: '操作', open: '办理', keyword: '项目名称', keywordHint: '输入项目名称中的文字', yearFilter: '年度' },
  en: { title: 'Programs handed over', year: 'Year', program: 'Program', budget: 'Budget (yuan)', status: 'Status', action: 'Action', open: 'Handle', keyword: 'Program', keywordHint: 'Words of the title', yearFilter: 'Year' },
});

/** The programs the program office handed over to finance: budget confirmation, intake, approval and payment start here. */
export default function HandedOverProgramsPage() {
  const t = useT(messages);
  const label = useLabel();
  const columns: ColumnsType<ProgramSummary> = [
    { key: 'year', title: t('year'), dataIndex: 'year', sorter: true, width: 90 },
    { key: 'title', title: t('program'), dataIndex: 'title', sorter: true, render: (_value, row) => <Link to={`/finance/programs/${row.id}`}>{row.title}</Link> },
    { key: 'budget', title: t('budget'), align: 'right', render: (_value, row) => formatYuan(row.budget.totalFen) },
    { key: 'status', title: t('status'), render: (_value, row) => label('programStatus', row.status) },
    { key: 'action', title: t('action'), render: (_value, row) => <Link to={`/finance/programs/${row.id}`} aria-label={`${t('open')}：${row.title}`}>{t('open')}</Link> },
  ];
  return (
    <ListPage<ProgramSummary>
      title={t('title')}
      queryKey={['finance-programs']}
      columns={columns}
      rowKey={(row) => row.id}
      filters={[
        { name: 'q', label: t('keyword'), kind: 'text', placeholder: t('keywordHint') },
        { name: 'year', label: t('yearFilter'), kind: 'text' },
      ]}
      fetchPage={async (params) =>
        unwrapPage(
          await api.GET('/api/v1/programs', {
            params: {
              query: {
                status: 'handed_over',
                page: params.page,
                pageSize: params.pageSize,
                sort: params.sort as ProgramListQuery['sort'],
                q: params.filters.q,
                year: /^\d{4}$/.test(params.filters.year ?? '') ? Number(params.filters.year) : undefined,
              },
            },
          }),
        )
      }
    />
  );
}
