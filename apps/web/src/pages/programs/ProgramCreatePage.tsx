import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Spin, Switch, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/form-errors';
import { formatDate, todayInCst } from '../../format/dates';
import { parseYuanToFen } from '../../format/money';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { fetchPolicies } from './api';
import { PolicyBasis } from './PolicyBasis';
import { callKindLabel, citationsFor, fenToJsonInteger, stageLabel } from './program-words';
import type { ProgramInput } from '../../api/types';
import { REVIEW_STAGES, type ProgramTemplate, type ReviewSettings } from './types';

const messages = defineMessages({
  zh: {
    title: '新增资助项目',
    intro: '表单已按所选政策文件预填；每项设置旁注明规定它的条款。保存后为草稿，在项目页面发布。',
    policy: '政策文件',
    noPolicy: '本地区目前没有现行有效的政策文件，无法新建项目。',
    basics: '基本信息',
    year: '项目年度',
    name: '项目名称',
    window: '申报时间',
    kind: '申报方式',
    opensAt: '开始受理日期',
    closesAt: '截止受理日期',
    windowHelp: '当日 9:00 开始受理，截止日 17:00 截止（北京时间）；须在政策有效期内（{from}起{to}）。',
    windowMonths: '本政策只在每年 {from} 至 {to} 受理申报。',
    noEnd: '，长期有效',
    until: '至{to}',
    call: '申报通知',
    callTitle: '通知标题',
    callBody: '通知正文',
    receivingOffice: '受理单位',
    materialsStandard: '标准制修订须提交的材料',
    materialsPilot: '标准化试点示范须提交的材料',
    materialsHelp: '输入材料名称后按回车，可填多项',
    review: '审查流程与时限',
    formalCheckDays: '形式审查时限（工作日）',
    correctionDays: '补正期限（工作日）',
    publicityDays: '公示期（天）',
    publicityUnit: '公示期计算方式',
    calendar: '自然日',
    working: '工作日',
    panelSize: '评审专家人数',
    panelQuorum: '有效评分最少人数',
    scoringDays: '专家评分期限（自然日）',
    noDeadline: '不设时限',
    budget: '预算',
    totalYuan: '预算总额（元）',
    totalHelp: '由市级财政安排',
    badAmount: '请输入金额，最多两位小数',
    rule: '预算不足时',
    proRata: '按比例核减',
    rankOrder: '按排序核定',
    required: '请填写{field}',
    save: '保存草稿',
    cancel: '取消',
    saved: '项目草稿已保存',
  },
  en: {
    title: 'New program',
    intro: 'The form is filled from the chosen policy text; each setting shows the article that fixes it. It is saved as a draft and announced from its page.',
    policy: 'Policy text',
    noPolicy: 'No policy text is in force here today, so no program can be created.',
    basics: 'Basics',
    year: 'Year',
    name: 'Title',
    window: 'Application window',
    kind: 'Kind of call',
    opensAt: 'Opens on',
    closesAt: 'Closes on',
    windowHelp: 'Opens 09:00 and closes 17:00 China time; within the text’s validity ({from}{to}).',
    windowMonths: 'This text receives applications from {from} to {to} each year only.',
    noEnd: ', no end date',
    until: ' to {to}',
    call: 'Call notice',
    callTitle: 'Notice title',
    callBody: 'Notice text',
    receivingOffice: 'Receiving office',
    materialsStandard: 'Materials for standards',
    materialsPilot: 'Materials for standardization pilots',
    materialsHelp: 'Type a material and press Enter; several allowed',
    review: 'Review and deadlines',
    formalCheckDays: 'Formal check (working days)',
    correctionDays: 'Correction period (working days)',
    publicityDays: 'Publicity (days)',
    publicityUnit: 'Publicity counted in',
    calendar: 'Calendar days',
    working: 'Working days',
    panelSize: 'Experts on the panel',
    panelQuorum: 'Scores needed',
    scoringDays: 'Scoring period (calendar days)',
    noDeadline: 'No deadline',
    budget: 'Budget',
    totalYuan: 'Total budget (yuan)',
    totalHelp: 'Paid by the city treasury',
    badAmount: 'Enter an amount with at most two decimals',
    rule: 'When the budget is short',
    proRata: 'Cut pro rata',
    rankOrder: 'In rank order',
    required: 'Enter {field}',
    save: 'Save draft',
    cancel: 'Cancel',
    saved: 'The draft program is saved',
  },
});

interface FormValues {
  policyId: string;
  year: number;
  title: string;
  window: { kind: 'batch' | 'rolling'; opensAt?: Dayjs; closesAt?: Dayjs };
  call: { title: string; body: string; receivingOffice?: string; materials: { standard?: string[]; standardization_pilot?: string[] } };
  review: ReviewSettings;
  budget: { totalFen: string; rule: 'pro_rata' | 'rank_order' };
}

function initialValues(template: ProgramTemplate): FormValues {
  const year = Number(todayInCst().slice(0, 4));
  const opens = template.window.months ? undefined : dayjs(todayInCst()).add(7, 'day');
  return {
    policyId: template.policy.id,
    year,
    title: `${year}年度标准化资助项目`,
    window: { kind: template.window.kind, opensAt: opens, closesAt: opens?.add(30, 'day') },
    call: {
      title: `关于组织申报${year}年度标准化资助项目的通知`,
      body: `根据${template.policy.title}，现组织申报${year}年度标准化资助项目，申报条件与材料要求见本通知。`,
      materials: { standard: ['标准文本及发布公告'], standardization_pilot: [] },
    },
    review: template.review,
    budget: { totalFen: '', rule: 'pro_rata' },
  };
}

/** Create a program from its policy text: GET /programs/template pre-fills the form, every setting shows its article. */
export default function ProgramCreatePage() {
  const t = useT(messages);
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const policies = useQuery({ queryKey: ['policies'], queryFn: fetchPolicies, staleTime: 300_000 });
  const inForce = useMemo(() => (policies.data ?? []).filter((p) => p.inForce), [policies.data]);
  const [policyId, setPolicyId] = useState<string>();
  useEffect(() => {
    if (!policyId && inForce.length > 0) setPolicyId(inForce[inForce.length - 1].id);
  }, [inForce, policyId]);

  const template = useQuery({
    queryKey: ['program-template', policyId, locale],
    enabled: Boolean(policyId),
    queryFn: async () => unwrap(await api.GET('/api/v1/programs/template', { params: { query: { policyId: policyId as string } } })),
  });
  const tpl = template.data;
  useEffect(() => {
    if (tpl) form.setFieldsValue(initialValues(tpl));
  }, [tpl, form]);

  const expertOn = Form.useWatch(['review', 'stages', 'expert_review'], form);
  const formalDays = Form.useWatch(['review', 'formalCheckWorkingDays'], form);

  const create = useMutation({
    mutationFn: async (values: FormValues) => {
      const totalFen = fenToJsonInteger(parseYuanToFen(values.budget.totalFen) as string);
      const materials = Object.fromEntries(Object.entries(values.call.materials ?? {}).filter(([, list]) => list && list.length > 0));
      const review: ReviewSettings = {
        ...values.review,
        panel: values.review.stages.expert_review ? values.review.panel ?? tpl?.review.panel ?? null : null,
      };
      const body: ProgramInput = {
        year: values.year,
        title: values.title.trim(),
        policyId: values.policyId,
        window: {
          kind: values.window.kind,
          opensAt: `${values.window.opensAt?.format('YYYY-MM-DD')}T09:00:00+08:00`,
          closesAt: `${values.window.closesAt?.format('YYYY-MM-DD')}T17:00:00+08:00`,
        },
        call: { title: values.call.title, body: values.call.body, materials, ...(values.call.receivingOffice ? { receivingOffice: values.call.receivingOffice } : {}) },
        review,
        budget: { totalFen, rule: values.budget.rule, sources: [{ source: 'city', amountFen: totalFen }] },
      };
      return unwrap(await api.POST('/api/v1/programs', { body }));
    },
    onSuccess: (program) => {
      void message.success(t('saved'));
      navigate(`/programs/${program.id}`);
    },
    onError: (error) => setUnplaced(showFieldErrors(form, error)),
  });

  const onFinish = () => {
    setUnplaced([]);
    create.mutate(form.getFieldsValue(true) as FormValues);
  };

  const basis = (path: string) => (
    <PolicyBasis citations={citationsFor(tpl?.citations, path)} policyTitle={tpl?.policy.title} defaulted={tpl?.defaults.some((d) => d.path === path || d.path.startsWith(`${path}.`))} />
  );
  const required = (field: string) => [{ required: true, message: t('required', { field }) }];

  if (policies.isSuccess && inForce.length === 0) {
    return (
      <>
        <Typography.Title level={1} style={{ fontSize: 20 }}>{t('title')}</Typography.Title>
        <Alert type="warning" showIcon message={t('noPolicy')} />
      </>
    );
  }

  const validity = tpl
    ? t('windowHelp', {
        from: formatDate(tpl.window.earliestOpen, locale),
        to: tpl.window.latestClose ? t('until', { to: formatDate(tpl.window.latestClose, locale) }) : t('noEnd'),
      })
    : '';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      {policies.error && <ErrorAlert error={policies.error} />}
      {template.error && <ErrorAlert error={template.error} />}
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={create.isPending} scrollToFirstError>
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('basics')}</Typography.Title>}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('policy')} name="policyId" rules={required(t('policy'))}>
                <Select
                  options={inForce.map((p) => ({ value: p.id, label: p.title }))}
                  onChange={(value: string) => setPolicyId(value)}
                  loading={policies.isLoading}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={t('year')} name="year" rules={required(t('year'))}>
                <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('name')} name="title" rules={required(t('name'))}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {!tpl ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : (
          <>
            <Card size="small" style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('window')}</Typography.Title>}>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item label={t('kind')} name={['window', 'kind']} extra={basis('window.kind')}>
                    <Select options={tpl.window.allowedKinds.map((kind) => ({ value: kind, label: callKindLabel(kind, locale) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item label={t('opensAt')} name={['window', 'opensAt']} rules={required(t('opensAt'))}>
                    <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item label={t('closesAt')} name={['window', 'closesAt']} rules={required(t('closesAt'))}>
                    <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
                  </Form.Item>
                </Col>
              </Row>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {validity}
                {tpl.window.months && ` ${t('windowMonths', { from: tpl.window.months.from, to: tpl.window.months.to })}`}
              </Typography.Paragraph>
              {citationsFor(tpl.citations, 'window').filter((c) => c.path === 'window').length > 0 && (
                <PolicyBasis citations={tpl.citations.filter((c) => c.path === 'window')} policyTitle={tpl.policy.title} />
              )}
            </Card>
            <Card size="small" style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('call')}</Typography.Title>}>
              <Form.Item label={t('callTitle')} name={['call', 'title']} rules={required(t('callTitle'))}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item label={t('callBody')} name={['call', 'body']} rules={required(t('callBody'))}>
                <Input.TextArea rows={4} maxLength={20000} />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item label={t('receivingOffice')} name={['call', 'receivingOffice']}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label={t('materialsStandard')} name={['call', 'materials', 'standard']} extra={t('materialsHelp')}>
                    <Select mode="tags" open={false} suffixIcon={null} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label={t('materialsPilot')} name={['call', 'materials', 'standardization_pilot']} extra={t('materialsHelp')}>
                    <Select mode="tags" open={false} suffixIcon={null} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            <Card size="small" style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('review')}</Typography.Title>}>
              <Row gutter={16}>
                {REVIEW_STAGES.map((stage) => (
                  <Col xs={24} md={12} key={stage}>
                    <Form.Item label={stageLabel(stage, locale)} name={['review', 'stages', stage]} valuePropName="checked" extra={basis(`review.stages.${stage}`)}>
                      <Switch
                        aria-label={stageLabel(stage, locale)}
                        disabled={citationsFor(tpl.citations, `review.stages.${stage}`).length > 0}
                      />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item label={t('formalCheckDays')} name={['review', 'formalCheckWorkingDays']} extra={basis('review.formalCheckWorkingDays')}>
                    <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} placeholder={formalDays === null ? t('noDeadline') : undefined} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label={t('correctionDays')} name={['review', 'correctionWorkingDays']} rules={required(t('correctionDays'))} extra={basis('review.correctionWorkingDays')}>
                    <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item label={t('publicityDays')} name={['review', 'publicity', 'days']} rules={required(t('publicityDays'))} extra={basis('review.publicity')}>
                    <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item label={t('publicityUnit')} name={['review', 'publicity', 'unit']}>
                    <Select options={[{ value: 'calendar', label: t('calendar') }, { value: 'working', label: t('working') }]} />
                  </Form.Item>
                </Col>
              </Row>
              {expertOn && (
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item label={t('panelSize')} name={['review', 'panel', 'size']} extra={basis('review.panel')}>
                      <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item label={t('panelQuorum')} name={['review', 'panel', 'quorum']}>
                      <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item label={t('scoringDays')} name={['review', 'panel', 'scoringDays']}>
                      <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              )}
            </Card>
            <Card size="small" style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('budget')}</Typography.Title>}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t('totalYuan')}
                    name={['budget', 'totalFen']}
                    extra={t('totalHelp')}
                    rules={[
                      ...required(t('totalYuan')),
                      { validator: async (_, value: string) => (value && parseYuanToFen(value) === undefined ? Promise.reject(new Error(t('badAmount'))) : undefined) },
                    ]}
                  >
                    <Input inputMode="decimal" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={t('rule')} name={['budget', 'rule']}>
                    <Select options={[{ value: 'pro_rata', label: t('proRata') }, { value: 'rank_order', label: t('rankOrder') }]} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </>
        )}
        {create.error && unplaced.length > 0 && (
          <Alert style={{ marginTop: 16 }} type="error" showIcon role="alert" message={(create.error as Error).message} description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{unplaced.map((text) => <li key={text}>{text}</li>)}</ul>} />
        )}
        {create.error && unplaced.length === 0 && !(create.error as { details?: unknown[] }).details?.length && (
          <div style={{ marginTop: 16 }}><ErrorAlert error={create.error} /></div>
        )}
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={create.isPending} disabled={!tpl}>
            {t('save')}
          </Button>
          <Button onClick={() => navigate('/programs')}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Space>
  );
}
