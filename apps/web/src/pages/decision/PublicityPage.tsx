import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/form-errors';
import { formatDate, formatInstant } from '../../format/dates';
import { formatYuan, parseYuanToFen } from '../../format/money';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { ApprovedList, DecisionEntry, DecisionList, fenNumber, fetchServerToday, Objection, ProgramDetail, TONE } from './decision-api';

const messages = defineMessages({
  zh: {
    title: '公示与移交：{program}',
    loading: '正在加载…',
    publicityTitle: '公示',
    period: '公示期',
    periodRule: '{days} 个{unit}',
    working: '工作日',
    calendar: '自然日',
    startsOn: '公示开始日期',
    startsOnRequired: '请选择公示开始日期',
    willRun: '将于 {from} 至 {to} 公示（共 {days} 个自然日）。',
    willRunWorking: '自 {from} 起公示 {days} 个工作日（遇法定节假日顺延），开始后显示结束日期。',
    open: '开始公示',
    opened: '公示已开始：{from} 至 {to}',
    notDecided: '资助名单确定后才能公示。',
    toDecision: '返回资助决定',
    status: '状态',
    runs: '公示期间',
    daysLeft: '剩余时间',
    daysLeftValue: '还有 {days} 天（至 {to} 24 时止）',
    lastDay: '今天是公示最后一天',
    ended: '已结束',
    objectionCount: '异议',
    objectionCountValue: '共 {total} 件，待处理 {open} 件',
    objectionsTitle: '异议（{count} 件）',
    noObjections: '尚未收到异议',
    receivedAt: '受理时间',
    objector: '异议人',
    phone: '联系电话',
    against: '所涉单位',
    reasons: '异议的事实和理由',
    outcome: '处理结果',
    actions: '操作',
    handle: '处理异议',
    view: '查看详情',
    handleTitle: '处理异议：{organization}',
    detail: '异议内容',
    email: '电子邮箱',
    decision: '原资助决定',
    result: '核查结论',
    upheld: '异议成立',
    dismissed: '异议不成立',
    resultRequired: '请选择核查结论',
    explanation: '核查情况及理由',
    explanationRequired: '请写明核查情况及理由',
    newAmounts: '复核后的金额（只填需要调整的项目，全部为 0 即不予资助）',
    amountOf: '{item}：复核后金额（元）',
    amountInvalid: '请输入金额（元），最多两位小数',
    submit: '提交处理结果',
    cancel: '取消',
    resolved: '异议已处理：{outcome}',
    approvedTitle: '公示结果：批准名单',
    approvedPending: '公示结束、异议全部处理完毕后，在此显示批准名单。',
    organization: '单位名称',
    items: '资助项目',
    amount: '资助金额（元）',
    total: '合计 {amount} 元',
    handOverTitle: '移交财政',
    handOverText: '公示期满且异议全部处理完毕后，将批准名单连同项目预算移交财政部门办理拨付。',
    handOver: '移交财政',
    handOverConfirm: '确认移交财政',
    handOverBody: '将批准名单（{count} 个单位，合计 {amount} 元）连同项目预算 {budget} 元移交财政部门。移交后名单不能再修改，由财政部门确认预算后办理拨付。',
    handedOver: '已于 {at} 移交财政：{count} 个单位，合计 {amount} 元。',
    alreadyHandedOver: '本项目已移交财政。',
    notYet: '公示期满、异议处理完毕后才能移交。',
  },
  en: {
    title: 'Publicity and hand-over: {program}',
    loading: 'Loading…',
    publicityTitle: 'Publicity',
    period: 'Period',
    periodRule: '{days} {unit}',
    working: 'working days',
    calendar: 'calendar days',
    startsOn: 'First day of the publicity',
    startsOnRequired: 'Choose the first day',
    willRun: 'Runs {from} to {to} ({days} calendar days).',
    willRunWorking: 'Runs {days} working days from {from} (holidays excluded); the end date is shown once it opens.',
    open: 'Open the publicity',
    opened: 'Publicity open: {from} to {to}',
    notDecided: 'The list must be fixed before the publicity.',
    toDecision: 'Back to the decision',
    status: 'Status',
    runs: 'Runs',
    daysLeft: 'Time left',
    daysLeftValue: '{days} day(s) left (until the end of {to})',
    lastDay: 'Today is the last day',
    ended: 'Ended',
    objectionCount: 'Objections',
    objectionCountValue: '{total} in all, {open} to handle',
    objectionsTitle: 'Objections ({count})',
    noObjections: 'No objection received',
    receivedAt: 'Received',
    objector: 'Objector',
    phone: 'Phone',
    against: 'Concerning',
    reasons: 'Facts and reasons',
    outcome: 'Outcome',
    actions: 'Actions',
    handle: 'Handle',
    view: 'View',
    handleTitle: 'Objection concerning {organization}',
    detail: 'The objection',
    email: 'E-mail',
    decision: 'Decision as it stands',
    result: 'Finding',
    upheld: 'Upheld',
    dismissed: 'Dismissed',
    resultRequired: 'Choose the finding',
    explanation: 'What was checked and why',
    explanationRequired: 'Explain what was checked and why',
    newAmounts: 'Re-reviewed amounts (only items that change; all at 0 rejects the award)',
    amountOf: '{item}: re-reviewed amount (yuan)',
    amountInvalid: 'Enter an amount in yuan with at most two decimals',
    submit: 'Record the outcome',
    cancel: 'Cancel',
    resolved: 'Objection handled: {outcome}',
    approvedTitle: 'Outcome: approved list',
    approvedPending: 'Once the publicity has closed and every objection is handled, the approved list appears here.',
    organization: 'Organization',
    items: 'Items',
    amount: 'Award (yuan)',
    total: '{amount} yuan in all',
    handOverTitle: 'Hand over to finance',
    handOverText: 'Once the publicity has run out and every objection is handled, the approved list and the program budget go to finance for payment.',
    handOver: 'Hand over to finance',
    handOverConfirm: 'Confirm the hand-over',
    handOverBody: 'The approved list ({count} organizations, {amount} yuan in all) and the program budget of {budget} yuan go to finance. The list cannot change afterwards; finance confirms the budget and pays.',
    handedOver: 'Handed over on {at}: {count} organizations, {amount} yuan in all.',
    alreadyHandedOver: 'This program has been handed over to finance.',
    notYet: 'Possible once the publicity has run out and every objection is handled.',
  },
});

/** Calendar days from a to b (CST dates "YYYY-MM-DD"), without time zones or floating dates. */
function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number);
  const [by, bm, bd] = b.split('-').map(Number);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

interface ResolveForm {
  outcome?: 'upheld' | 'dismissed';
  explanation?: string;
  amounts?: Record<string, string>;
}

/** Publicity of one program: open it, watch it, handle the objections, read the approved list, hand it over to finance. */
export default function PublicityPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const [openForm] = Form.useForm<{ startsOn?: Dayjs }>();
  const [resolveForm] = Form.useForm<ResolveForm>();
  const [handling, setHandling] = useState<Objection>();
  const [confirmHandOver, setConfirmHandOver] = useState(false);
  const startsOn = Form.useWatch('startsOn', openForm);
  const serverToday = useQuery({ queryKey: ['server-today'], queryFn: fetchServerToday, staleTime: 60_000 });
  const outcome = Form.useWatch('outcome', resolveForm);

  const program = useQuery({ queryKey: ['publicity-program', id], queryFn: async () => unwrap(await api.GET('/api/v1/programs/{id}', { params: { path: { id } } })) as ProgramDetail });
  const list = useQuery({
    queryKey: ['decision-list', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/programs/{id}/decision-list', { params: { path: { id } } })) as DecisionList,
  });
  const publicity = list.data?.publicity ?? null;
  const objections = useQuery({
    queryKey: ['objections', publicity?.id],
    enabled: Boolean(publicity),
    queryFn: async () => {
      const outcome = await api.GET('/api/v1/objections', { params: { query: { publicityId: publicity?.id, pageSize: 100, sort: '-createdAt' } } });
      const rows: Objection[] = unwrap(outcome).items;
      const header = outcome.response.headers.get('X-Total-Count');
      return { rows, total: header !== null && /^\d+$/.test(header) ? Number(header) : rows.length };
    },
  });
  const programStatus = program.data?.status;
  const approved = useQuery({
    queryKey: ['approved-list', id],
    enabled: programStatus === 'publicized' || programStatus === 'handed_over',
    queryFn: async () => unwrap(await api.GET('/api/v1/programs/{id}/approved-list', { params: { path: { id } } })) as ApprovedList,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['decision-list', id] }),
      queryClient.invalidateQueries({ queryKey: ['publicity-program', id] }),
      queryClient.invalidateQueries({ queryKey: ['objections'] }),
      queryClient.invalidateQueries({ queryKey: ['approved-list', id] }),
    ]);

  const openPublicity = useMutation({
    mutationFn: async (values: { startsOn?: Dayjs }) =>
      unwrap(await api.POST('/api/v1/programs/{id}/publicity', { params: { path: { id } }, body: { startsOn: values.startsOn?.format('YYYY-MM-DD') ?? '' } })),
    onSuccess: async (done) => {
      message.success(t('opened', { from: formatDate(done.startsOn, locale), to: formatDate(done.endsOn, locale) }));
      await refresh();
    },
    onError: (error) => showFieldErrors(openForm, error),
  });

  const entryOf = (applicationId: string): DecisionEntry | undefined => list.data?.applications.find((a) => a.applicationId === applicationId);

  const resolve = useMutation({
    mutationFn: async ({ objection, values }: { objection: Objection; values: ResolveForm }) => {
      const entry = entryOf(objection.applicationId);
      const items =
        values.outcome === 'upheld'
          ? (entry?.items ?? [])
              .map((item) => ({ achievementId: item.achievementId, amountFen: fenNumber(parseYuanToFen(values.amounts?.[item.achievementId] ?? '')) ?? -1, before: item.decidedFen }))
              .filter((item) => item.amountFen >= 0 && item.amountFen !== item.before)
              .map(({ achievementId, amountFen }) => ({ achievementId, amountFen }))
          : undefined;
      return unwrap(
        await api.POST('/api/v1/objections/{id}/resolution', {
          params: { path: { id: objection.id } },
          body: { outcome: values.outcome ?? 'dismissed', explanation: values.explanation?.trim() ?? '', ...(items && items.length > 0 ? { items } : {}) },
        }),
      );
    },
    onSuccess: async (done) => {
      message.success(t('resolved', { outcome: label('objectionStatus', done.status) }));
      setHandling(undefined);
      await refresh();
    },
    onError: (error) => showFieldErrors(resolveForm, error),
  });

  const handOver = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/programs/{id}/hand-over', { params: { path: { id } } })),
    onSuccess: async (done) => {
      message.success(t('handedOver', { at: formatInstant(done.handedOverAt, locale), count: done.applicationIds.length, amount: formatYuan(done.totalFen) }));
      setConfirmHandOver(false);
      await refresh();
    },
  });

  if (program.error || list.error) return <ErrorAlert error={program.error ?? list.error} />;
  if (!program.data || !list.data || !serverToday.data) return <Typography.Paragraph>{t('loading')}</Typography.Paragraph>;
  const rule = program.data.review.publicity;
  const today = serverToday.data;
  const unitWord = rule.unit === 'working' ? t('working') : t('calendar');

  const startHandling = (objection: Objection) => {
    resolveForm.resetFields();
    const entry = entryOf(objection.applicationId);
    resolveForm.setFieldsValue({ amounts: Object.fromEntries((entry?.items ?? []).map((item) => [item.achievementId, formatYuan(item.decidedFen).replace(/,/g, '')])) });
    setHandling(objection);
  };

  const preview = (() => {
    if (!startsOn) return null;
    const from = startsOn.format('YYYY-MM-DD');
    if (rule.unit === 'calendar') return t('willRun', { from: formatDate(from, locale), to: formatDate(startsOn.add(rule.days - 1, 'day').format('YYYY-MM-DD'), locale), days: rule.days });
    return t('willRunWorking', { from: formatDate(from, locale), days: rule.days });
  })();

  const handlingEntry = handling ? entryOf(handling.applicationId) : undefined;
  const approvedData = approved.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title', { program: program.data.title })}
      </Typography.Title>

      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('publicityTitle')}</Typography.Title>} extra={<Link to={`/programs/${id}/decision`}>{t('toDecision')}</Link>}>
        {!publicity ? (
          programStatus === 'decided' ? (
            <Form form={openForm} layout="vertical" initialValues={{ startsOn: dayjs(today) }} onFinish={(values) => openPublicity.mutate(values)}>
              <Typography.Paragraph>{`${t('period')}：${t('periodRule', { days: rule.days, unit: unitWord })}`}</Typography.Paragraph>
              <Form.Item name="startsOn" label={t('startsOn')} rules={[{ required: true, message: t('startsOnRequired') }]}>
                <DatePicker disabledDate={(day) => day.format('YYYY-MM-DD') < today} allowClear={false} />
              </Form.Item>
              {preview && <Typography.Paragraph>{preview}</Typography.Paragraph>}
              {openPublicity.error && <ErrorAlert error={openPublicity.error} />}
              <Button type="primary" htmlType="submit" loading={openPublicity.isPending}>{t('open')}</Button>
            </Form>
          ) : (
            <Alert type="info" showIcon message={t('notDecided')} />
          )
        ) : (
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('status')}>
              <Tag color={publicity.status === 'open' ? TONE.processing : TONE.neutral}>{label('publicityStatus', publicity.status)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('period')}>{t('periodRule', { days: rule.days, unit: unitWord })}</Descriptions.Item>
            <Descriptions.Item label={t('runs')}>{`${formatDate(publicity.startsOn, locale)} — ${formatDate(publicity.endsOn, locale)}`}</Descriptions.Item>
            <Descriptions.Item label={t('daysLeft')}>
              {publicity.status !== 'open' || today > publicity.endsOn
                ? t('ended')
                : today === publicity.endsOn
                  ? t('lastDay')
                  : t('daysLeftValue', { days: daysBetween(today, publicity.endsOn) + 1, to: formatDate(publicity.endsOn, locale) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('objectionCount')}>{t('objectionCountValue', { total: publicity.objectionCount, open: publicity.openObjectionCount })}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>

      {publicity && (
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('objectionsTitle', { count: objections.data?.total ?? 0 })}</Typography.Title>}>
          {objections.error && <ErrorAlert error={objections.error} />}
          {objections.data && objections.data.rows.length === 0 ? (
            <Empty description={t('noObjections')} />
          ) : (
            <Table<Objection>
              size="small"
              rowKey="id"
              pagination={false}
              loading={objections.isFetching}
              dataSource={objections.data?.rows ?? []}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('receivedAt'), key: 'createdAt', render: (_, row) => formatInstant(row.createdAt, locale) },
                { title: t('against'), key: 'against', render: (_, row) => entryOf(row.applicationId)?.organization.name ?? '—' },
                { title: t('objector'), key: 'objector', render: (_, row) => row.contactName },
                { title: t('reasons'), key: 'reasons', render: (_, row) => <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ maxWidth: 360, margin: 0 }}>{row.reasons}</Typography.Paragraph> },
                { title: t('outcome'), key: 'status', render: (_, row) => <Tag color={row.status === 'received' ? TONE.warning : row.status === 'upheld' ? TONE.error : TONE.success}>{label('objectionStatus', row.status)}</Tag> },
                {
                  title: t('actions'),
                  key: 'actions',
                  render: (_, row) => (
                    <Button size="small" type={row.status === 'received' ? 'primary' : 'default'} onClick={() => startHandling(row)} aria-label={`${row.status === 'received' ? t('handle') : t('view')}：${row.contactName}`}>
                      {row.status === 'received' ? t('handle') : t('view')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </Card>
      )}

      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('approvedTitle')}</Typography.Title>}>
        {approved.error && <ErrorAlert error={approved.error} />}
        {!approvedData ? (
          <Typography.Paragraph>{t('approvedPending')}</Typography.Paragraph>
        ) : (
          <Table<DecisionEntry>
            size="small"
            rowKey="applicationId"
            pagination={false}
            dataSource={approvedData.applications}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('organization'), key: 'organization', render: (_, row) => row.organization.name },
              { title: t('items'), key: 'items', render: (_, row) => <Space direction="vertical" size={2}>{row.items.filter((i) => i.decidedFen > 0).map((i) => <span key={i.achievementId}>{`${i.label}${i.article ? `（${i.article}）` : ''}：${formatYuan(i.decidedFen)}`}</span>)}</Space> },
              { title: t('amount'), key: 'amount', align: 'right', render: (_, row) => formatYuan(row.decidedTotalFen) },
              { title: t('status'), key: 'status', render: (_, row) => label('applicationStatus', row.status) },
            ]}
            footer={() => t('total', { amount: formatYuan(approvedData.totalFen) })}
          />
        )}
      </Card>

      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('handOverTitle')}</Typography.Title>}>
        <Typography.Paragraph>{t('handOverText')}</Typography.Paragraph>
        {programStatus === 'handed_over' ? (
          <Alert type="success" showIcon message={t('alreadyHandedOver')} />
        ) : (
          <Space wrap>
            <Button type="primary" disabled={programStatus !== 'publicized'} onClick={() => setConfirmHandOver(true)}>{t('handOver')}</Button>
            {programStatus !== 'publicized' && <Typography.Text>{t('notYet')}</Typography.Text>}
          </Space>
        )}
      </Card>

      <Modal
        open={confirmHandOver}
        title={t('handOverConfirm')}
        okText={t('handOver')}
        cancelText={t('cancel')}
        confirmLoading={handOver.isPending}
        onCancel={() => setConfirmHandOver(false)}
        onOk={() => handOver.mutate()}
      >
        <Typography.Paragraph>
          {t('handOverBody', { count: approvedData?.applications.length ?? 0, amount: formatYuan(approvedData?.totalFen ?? 0), budget: formatYuan(program.data.budget.totalFen) })}
        </Typography.Paragraph>
        {handOver.error && <ErrorAlert error={handOver.error} />}
      </Modal>

      <Modal
        open={Boolean(handling)}
        title={t('handleTitle', { organization: handlingEntry?.organization.name ?? '' })}
        width={820}
        okText={t('submit')}
        cancelText={t('cancel')}
        okButtonProps={{ disabled: handling?.status !== 'received' }}
        confirmLoading={resolve.isPending}
        onCancel={() => setHandling(undefined)}
        onOk={() => resolveForm.submit()}
        destroyOnHidden
      >
        {handling && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" bordered column={1} title={t('detail')}>
              <Descriptions.Item label={t('receivedAt')}>{formatInstant(handling.createdAt, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('objector')}>{handling.contactName}</Descriptions.Item>
              <Descriptions.Item label={t('phone')}>{handling.contactPhone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('email')}>{handling.contactEmail ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('reasons')}>{handling.reasons}</Descriptions.Item>
              <Descriptions.Item label={t('decision')}>
                {handlingEntry ? handlingEntry.items.map((i) => `${i.label}${i.article ? `（${i.article}）` : ''}：${formatYuan(i.decidedFen)} 元`).join('；') : '—'}
              </Descriptions.Item>
              {handling.status !== 'received' && (
                <Descriptions.Item label={t('outcome')}>{`${label('objectionStatus', handling.status)}${handling.outcome ? `：${handling.outcome}` : ''}`}</Descriptions.Item>
              )}
            </Descriptions>
            {handling.status === 'received' && (
              <Form form={resolveForm} layout="vertical" onFinish={(values) => resolve.mutate({ objection: handling, values })}>
                {resolve.error && <ErrorAlert error={resolve.error} />}
                <Form.Item name="outcome" label={t('result')} rules={[{ required: true, message: t('resultRequired') }]}>
                  <Radio.Group options={[{ value: 'dismissed', label: t('dismissed') }, { value: 'upheld', label: t('upheld') }]} />
                </Form.Item>
                {outcome === 'upheld' && handlingEntry && (
                  <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
                    <legend style={{ fontSize: 14 }}>{t('newAmounts')}</legend>
                    {handlingEntry.items.map((item) => (
                      <Form.Item
                        key={item.achievementId}
                        name={['amounts', item.achievementId]}
                        label={t('amountOf', { item: item.label })}
                        rules={[{ validator: async (_r, value: string | undefined) => { if (fenNumber(parseYuanToFen(value ?? '')) === undefined) throw new Error(t('amountInvalid')); } }]}
                      >
                        <Input style={{ width: 180 }} inputMode="decimal" />
                      </Form.Item>
                    ))}
                  </fieldset>
                )}
                <Form.Item name="explanation" label={t('explanation')} rules={[{ required: true, whitespace: true, message: t('explanationRequired') }]}>
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
                </Form.Item>
              </Form>
            )}
          </Space>
        )}
      </Modal>
    </Space>
  );
}
