import DownloadOutlined from '@ant-design/icons/DownloadOutlined';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Result, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError, downloadFile, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/form-errors';
import { formatDate, formatInstant } from '../../format/dates';
import { formatYuan } from '../../format/money';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { PublicFrame } from './PublicFrame';
import { ObjectionReceipt, useTenantName } from './public-api';

const messages = defineMessages({
  zh: {
    heading: '关于{program}拟资助名单的公示',
    notice:
      '根据标准化资助政策的规定，经申报、审核，现将{program}拟资助单位、资助项目及金额予以公示。公示期为{start}至{end}。公示期内，任何单位和个人对名单有异议的，可按下列方式实名提出。',
    period: '公示期',
    periodValue: '{start} 至 {end}（含当日，以北京时间为准）',
    status: '公示状态',
    openNow: '正在公示，{end} 24 时前可提出异议',
    closedNow: '公示已结束，不再受理异议',
    office: '异议受理单位',
    officeFallback: '{tenant}市场监督管理部门（本项目主管部门）',
    count: '拟资助单位',
    countValue: '{count} 家，合计 {total} 元',
    listTitle: '拟资助名单',
    download: '下载名单（Excel）',
    no: '序号',
    organization: '单位名称',
    creditCode: '统一社会信用代码',
    district: '所在区县',
    item: '资助项目',
    article: '政策依据',
    amount: '金额（元）',
    total: '合计',
    empty: '本次公示暂无拟资助单位',
    howTitle: '如何提出异议',
    how1: '异议须在公示期内提出，公示期满后提出的不予受理。',
    how2: '须以真实姓名提出（单位提出的，写明单位名称和经办人姓名），并留下联系电话或电子邮箱，以便核实和答复；匿名或无法联系的异议不予受理。',
    how3: '须写明对名单中哪一单位的资助有异议，以及具体事实和理由；有证明材料的，请写明材料名称和获取途径。',
    how4: '同一联系人对同一资助在本次公示期内只需提出一次，重复提交将返回原受理编号。',
    how5: '可在本页填写下方表单提出，也可向异议受理单位书面提出。受理单位将核查所反映的情况并答复异议人。',
    formTitle: '在线提出异议',
    closedForm: '公示已结束，不再受理异议。',
    award: '对哪一单位的资助有异议',
    awardRequired: '请选择您有异议的资助单位',
    awardHint: '请选择名单中的单位',
    contactName: '真实姓名（或单位名称及经办人）',
    contactNameRequired: '请填写您的真实姓名，匿名异议不予受理',
    contactNameTooLong: '姓名不能超过 100 个字',
    contactPhone: '联系电话',
    contactPhoneInvalid: '请填写有效的电话号码（数字，可含 +、- 和空格）',
    contactEmail: '电子邮箱',
    contactEmailInvalid: '请填写有效的电子邮箱地址',
    contactRequired: '请至少填写联系电话或电子邮箱中的一项，以便答复',
    reasons: '异议的事实和理由',
    reasonsRequired: '请写明异议的具体事实和理由',
    reasonsHint: '请写明您认为该资助存在什么问题、依据的事实，以及可以证明的材料或线索',
    pledge: '本人承诺以真实身份提出异议，所反映的情况属实',
    pledgeRequired: '请确认以真实身份提出异议并对所反映情况的真实性负责',
    submit: '提交异议',
    receiptTitle: '异议已受理',
    repeatedTitle: '您此前已就该资助提出过异议',
    reference: '受理编号',
    receivedAt: '受理时间',
    next: '后续处理',
    nextText: '受理单位将核查您反映的情况，核查期间该单位的资助暂缓确认；核查完毕后，将通过您留下的电话或电子邮箱答复您。请保存受理编号，以便查询。',
    repeatedText: '同一资助在本次公示期内只需提出一次，以下为您原异议的受理编号，受理单位正在核查。',
    another: '对其他单位提出异议',
    loading: '正在加载公示…',
  },
  en: {
    heading: 'Public notice of the proposed awards: {program}',
    notice:
      'Under the standardization subsidy policy, after application and review, the organizations, items and amounts proposed for {program} are published for public scrutiny from {start} to {end}. Anyone who objects to the list may do so under their real name as described below.',
    period: 'Notice period',
    periodValue: '{start} to {end} (inclusive, Beijing time)',
    status: 'Status',
    openNow: 'Open: objections are accepted until the end of {end}',
    closedNow: 'Ended: objections are no longer accepted',
    office: 'Objections are handled by',
    officeFallback: 'The market regulation office of {tenant} (the program office)',
    count: 'Proposed awardees',
    countValue: '{count}, {total} yuan in all',
    listTitle: 'Proposed awards',
    download: 'Download the list (Excel)',
    no: 'No.',
    organization: 'Organization',
    creditCode: 'Unified social credit code',
    district: 'District',
    item: 'Item',
    article: 'Article',
    amount: 'Amount (yuan)',
    total: 'Total',
    empty: 'No awards are proposed in this notice',
    howTitle: 'How to object',
    how1: 'Object within the notice period; later objections are not accepted.',
    how2: 'Give your real name (an organization gives its name and the person acting for it) and a phone number or an e-mail address so the office can check and reply; anonymous objections are not accepted.',
    how3: 'Name the award you object to and state the facts and reasons; name any supporting material and where it can be found.',
    how4: 'One objection per award and contact is enough; sending it again returns the first reference.',
    how5: 'Use the form below or write to the office. The office checks what you report and replies to you.',
    formTitle: 'Object online',
    closedForm: 'The notice has ended; objections are no longer accepted.',
    award: 'The award you object to',
    awardRequired: 'Choose the award you object to',
    awardHint: 'Choose an organization on the list',
    contactName: 'Your real name (or organization and contact person)',
    contactNameRequired: 'Give your real name; anonymous objections are not accepted',
    contactNameTooLong: 'At most 100 characters',
    contactPhone: 'Phone',
    contactPhoneInvalid: 'Enter a valid phone number (digits, +, - and spaces)',
    contactEmail: 'E-mail',
    contactEmailInvalid: 'Enter a valid e-mail address',
    contactRequired: 'Give a phone number or an e-mail address so the office can reply',
    reasons: 'Facts and reasons',
    reasonsRequired: 'State the facts and reasons of your objection',
    reasonsHint: 'What is wrong with this award, the facts, and any material or leads that show it',
    pledge: 'I object under my real identity and what I report is true',
    pledgeRequired: 'Confirm that you object under your real identity and that what you report is true',
    submit: 'Submit the objection',
    receiptTitle: 'Your objection is received',
    repeatedTitle: 'You have already objected to this award',
    reference: 'Reference number',
    receivedAt: 'Received at',
    next: 'What happens next',
    nextText: 'The office checks what you report; meanwhile the award is not confirmed. Once checked, the office replies by the phone or e-mail you gave. Keep the reference number to ask about it.',
    repeatedText: 'One objection per award is enough in this notice; this is the reference of your first objection, which the office is checking.',
    another: 'Object to another award',
    loading: 'Loading the notice…',
  },
});

const PHONE = /^(?=(?:\D*\d){5})[0-9+\- ]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface ObjectionForm {
  applicationId?: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  reasons: string;
  pledge: boolean;
}

interface Row {
  key: string;
  no: number;
  span: number;
  applicantName: string;
  creditCode: string;
  district: string | null;
  item: string;
  article: string | null;
  amountFen: string;
}

/** One publicity as the public reads it: the notice, the list (HTML and xlsx), the period, and the objection form. */
export default function PublicityDetailPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const { tenantId = '', id = '' } = useParams();
  const tenantName = useTenantName(tenantId, locale);
  const [form] = Form.useForm<ObjectionForm>();
  const [receipt, setReceipt] = useState<ObjectionReceipt>();
  const [formError, setFormError] = useState<unknown>();

  const publicity = useQuery({
    queryKey: ['public-publicity', tenantId, id],
    queryFn: async () => unwrap(await api.GET('/api/v1/public/tenants/{tenantId}/publicities/{id}', { params: { path: { tenantId, id } } })),
  });
  const data = publicity.data;

  const rows = useMemo<Row[]>(() => {
    const all: Row[] = [];
    (data?.awards ?? []).forEach((award, index) => {
      award.items.forEach((item, position) => {
        all.push({
          key: `${award.applicationId}-${position}`,
          no: index + 1,
          span: position === 0 ? award.items.length : 0,
          applicantName: award.applicantName,
          creditCode: award.creditCode,
          district: award.district,
          item: item.item,
          article: item.article,
          amountFen: String(item.amountFen),
        });
      });
    });
    return all;
  }, [data]);
  const totalFen = useMemo(() => (data?.awards ?? []).reduce((sum, award) => sum + BigInt(String(award.totalFen)), 0n).toString(), [data]);

  const submit = useMutation({
    mutationFn: async (values: ObjectionForm) =>
      unwrap(
        await api.POST('/api/v1/public/tenants/{tenantId}/publicities/{id}/objections', {
          params: { path: { tenantId, id } },
          body: {
            applicationId: values.applicationId ?? '',
            contactName: values.contactName.trim(),
            reasons: values.reasons.trim(),
            ...(values.contactPhone.trim() ? { contactPhone: values.contactPhone.trim() } : {}),
            ...(values.contactEmail.trim() ? { contactEmail: values.contactEmail.trim() } : {}),
          },
        }),
      ),
    onSuccess: (answer) => {
      setFormError(undefined);
      setReceipt(answer);
    },
    onError: (error) => {
      const rest = showFieldErrors(form, error);
      setFormError(error instanceof ApiError && rest.length === 0 && error.details.length > 0 ? undefined : error);
    },
  });

  const span = (row: Row) => ({ rowSpan: row.span });
  const columns: ColumnsType<Row> = [
    { key: 'no', title: t('no'), dataIndex: 'no', onCell: span, width: 64 },
    { key: 'applicantName', title: t('organization'), dataIndex: 'applicantName', onCell: span },
    { key: 'creditCode', title: t('creditCode'), dataIndex: 'creditCode', onCell: span },
    { key: 'district', title: t('district'), dataIndex: 'district', onCell: span, render: (value: string | null) => value ?? '—' },
    { key: 'item', title: t('item'), dataIndex: 'item' },
    { key: 'article', title: t('article'), dataIndex: 'article', render: (value: string | null) => value ?? '—' },
    { key: 'amount', title: t('amount'), dataIndex: 'amountFen', align: 'right', render: (value: string) => formatYuan(value) },
  ];

  const start = formatDate(data?.startsOn, locale);
  const end = formatDate(data?.endsOn, locale);
  const open = data?.status === 'open';
  const office = data?.receivingOffice || t('officeFallback', { tenant: tenantName ?? '' });

  return (
    <PublicFrame crumbs={[{ title: tenantName ?? tenantId, to: `/public/${encodeURIComponent(tenantId)}` }, { title: data?.programTitle ?? '…' }]}>
      {publicity.error ? (
        <>
          <Typography.Title level={1} style={{ fontSize: 22 }}>{t('listTitle')}</Typography.Title>
          <ErrorAlert error={publicity.error} />
        </>
      ) : !data ? (
        <Typography.Title level={1} style={{ fontSize: 22 }}>{t('loading')}</Typography.Title>
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card>
            <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>{t('heading', { program: data.programTitle })}</Typography.Title>
            <Typography.Paragraph style={{ textIndent: '2em' }}>{t('notice', { program: data.programTitle, start, end })}</Typography.Paragraph>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('period')}>{t('periodValue', { start, end })}</Descriptions.Item>
              <Descriptions.Item label={t('status')}>
                <Space>
                  <Tag color={open ? 'blue' : 'default'}>{label('publicityStatus', data.status)}</Tag>
                  <span>{open ? t('openNow', { end }) : t('closedNow')}</span>
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('office')}>{office}</Descriptions.Item>
              <Descriptions.Item label={t('count')}>{t('countValue', { count: data.awards.length, total: formatYuan(totalFen) })}</Descriptions.Item>
            </Descriptions>
          </Card>

          <Card
            title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('listTitle')}</Typography.Title>}
            extra={
              <Button icon={<DownloadOutlined />} onClick={() => void downloadFile(`/api/v1/public/tenants/${encodeURIComponent(tenantId)}/publicities/${encodeURIComponent(id)}/list.xlsx`, `${data.programTitle}拟资助名单.xlsx`)}>
                {t('download')}
              </Button>
            }
          >
            <Table<Row>
              rowKey="key"
              columns={columns}
              dataSource={rows}
              pagination={false}
              bordered
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('empty') }}
              summary={() =>
                rows.length > 0 ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={6}>{t('total')}</Table.Summary.Cell>
                    <Table.Summary.Cell index={6} align="right">{formatYuan(totalFen)}</Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : undefined
              }
            />
          </Card>

          <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('howTitle')}</Typography.Title>}>
            <ol style={{ paddingInlineStart: 20, margin: 0 }}>
              <li>{t('how1')}</li>
              <li>{t('how2')}</li>
              <li>{t('how3')}</li>
              <li>{t('how4')}</li>
              <li>{t('how5')}</li>
            </ol>
          </Card>

          <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('formTitle')}</Typography.Title>}>
            {receipt ? (
              <Result
                status="success"
                title={<span role="status">{receipt.repeated ? t('repeatedTitle') : t('receiptTitle')}</span>}
                subTitle={receipt.repeated ? t('repeatedText') : undefined}
                extra={
                  <Button
                    onClick={() => {
                      form.resetFields();
                      setReceipt(undefined);
                    }}
                  >
                    {t('another')}
                  </Button>
                }
              >
                <Descriptions bordered size="small" column={1}>
                  <Descriptions.Item label={t('reference')}><Typography.Text copyable strong>{receipt.referenceId}</Typography.Text></Descriptions.Item>
                  <Descriptions.Item label={t('receivedAt')}>{formatInstant(receipt.receivedAt, locale)}</Descriptions.Item>
                  <Descriptions.Item label={t('next')}>{t('nextText')}</Descriptions.Item>
                </Descriptions>
              </Result>
            ) : !open ? (
              <Alert type="info" showIcon message={t('closedForm')} />
            ) : (
              <Form<ObjectionForm>
                form={form}
                layout="vertical"
                initialValues={{ applicationId: undefined, contactName: '', contactPhone: '', contactEmail: '', reasons: '', pledge: false }}
                onFinish={(values) => submit.mutate(values)}
                style={{ maxWidth: 720 }}
              >
                {formError !== undefined && <div style={{ marginBottom: 16 }}><ErrorAlert error={formError} /></div>}
                <Form.Item name="applicationId" label={t('award')} rules={[{ required: true, message: t('awardRequired') }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('awardHint')}
                    options={data.awards.map((award) => ({ value: award.applicationId, label: `${award.applicantName}（${formatYuan(String(award.totalFen))} 元）` }))}
                  />
                </Form.Item>
                <Form.Item
                  name="contactName"
                  label={t('contactName')}
                  rules={[
                    { required: true, whitespace: true, message: t('contactNameRequired') },
                    { max: 100, message: t('contactNameTooLong') },
                  ]}
                >
                  <Input autoComplete="name" />
                </Form.Item>
                <Form.Item
                  name="contactPhone"
                  label={t('contactPhone')}
                  dependencies={['contactEmail']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_rule, value: string) => {
                        const phone = (value ?? '').trim();
                        if (phone && !PHONE.test(phone)) throw new Error(t('contactPhoneInvalid'));
                        if (!phone && !String(getFieldValue('contactEmail') ?? '').trim()) throw new Error(t('contactRequired'));
                      },
                    }),
                  ]}
                >
                  <Input autoComplete="tel" inputMode="tel" />
                </Form.Item>
                <Form.Item
                  name="contactEmail"
                  label={t('contactEmail')}
                  rules={[
                    {
                      validator: async (_rule, value: string) => {
                        const email = (value ?? '').trim();
                        if (email && (!EMAIL.test(email) || email.length > 254)) throw new Error(t('contactEmailInvalid'));
                      },
                    },
                  ]}
                >
                  <Input autoComplete="email" inputMode="email" />
                </Form.Item>
                <Form.Item name="reasons" label={t('reasons')} extra={t('reasonsHint')} rules={[{ required: true, whitespace: true, message: t('reasonsRequired') }]}>
                  <Input.TextArea rows={6} maxLength={5000} showCount />
                </Form.Item>
                <Form.Item
                  name="pledge"
                  valuePropName="checked"
                  rules={[{ validator: async (_rule, value: boolean) => { if (!value) throw new Error(t('pledgeRequired')); } }]}
                >
                  <Checkbox>{t('pledge')}</Checkbox>
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={submit.isPending}>{t('submit')}</Button>
              </Form>
            )}
          </Card>
        </Space>
      )}
    </PublicFrame>
  );
}
