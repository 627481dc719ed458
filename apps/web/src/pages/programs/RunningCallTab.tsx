import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/form-errors';
import { formatInstant } from '../../format/dates';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { stageLabel } from './program-words';
import { DEADLINE_STAGES, type DeadlineStage, type ProgramView } from './types';

const messages = defineMessages({
  zh: {
    current: '当前受理时间：{opens} 至 {closes}（{status}）',
    window: '调整申报截止时间（延期或提前）',
    windowHelp: '新的截止时间为所选日期 17:00（北京时间），不能早于当前时间；调整原因将记录在案并通知相关单位。',
    newClose: '新的截止日期',
    reason: '调整原因',
    reasonRequired: '请填写原因',
    dateRequired: '请选择日期',
    saveWindow: '确认调整',
    windowDone: '申报截止时间已调整',
    close: '提前截止',
    closeHelp: '立即停止受理申报；原因将记录在案并通知相关单位。',
    closeConfirm: '确定立即截止受理？',
    closeDone: '已截止受理',
    closeButton: '立即截止',
    reopen: '重新开放申报',
    reopenHelp: '已截止且尚未决定的项目可重新开放至新的截止日期 17:00。',
    reopenDone: '已重新开放申报',
    reopenButton: '重新开放',
    deadline: '调整审查时限',
    deadlineHelp: '自申报件进入该环节之日起计算的工作日数；已在该环节的申报件按新时限重新计算。',
    stage: '审查环节',
    days: '时限（工作日）',
    daysRequired: '请填写工作日数',
    deadlineDone: '审查时限已调整',
    saveDeadline: '确认调整',
    notRunning: '该项目当前状态下不可调整受理时间。',
    confirm: '确定',
    cancel: '取消',
  },
  en: {
    current: 'Receiving now: {opens} to {closes} ({status})',
    window: 'Change the closing date (extend or shorten)',
    windowHelp: 'The call closes at 17:00 China time on the chosen date, never before now; the reason is recorded and sent to those concerned.',
    newClose: 'New closing date',
    reason: 'Reason',
    reasonRequired: 'Enter the reason',
    dateRequired: 'Choose a date',
    saveWindow: 'Change',
    windowDone: 'The closing date is changed',
    close: 'Close early',
    closeHelp: 'Stops receiving applications now; the reason is recorded and sent to those concerned.',
    closeConfirm: 'Close the call now?',
    closeDone: 'The call is closed',
    closeButton: 'Close now',
    reopen: 'Reopen the call',
    reopenHelp: 'A closed, undecided call may reopen until 17:00 on a new closing date.',
    reopenDone: 'The call is open again',
    reopenButton: 'Reopen',
    deadline: 'Change a review deadline',
    deadlineHelp: 'Working days from the day an application enters the stage; applications already there are re-timed.',
    stage: 'Stage',
    days: 'Working days',
    daysRequired: 'Enter the working days',
    deadlineDone: 'The deadline is changed',
    saveDeadline: 'Change',
    notRunning: 'The receiving period cannot be changed in this status.',
    confirm: 'Confirm',
    cancel: 'Cancel',
  },
});

const closingInstant = (date: Dayjs): string => `${date.format('YYYY-MM-DD')}T17:00:00+08:00`;

function cardTitle(text: string) {
  return <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{text}</Typography.Title>;
}

/** The actions on a running call, each with a reason: extend or shorten, close early, reopen, change a stage deadline. */
export function RunningCallTab({ program }: { program: ProgramView }) {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [windowForm] = Form.useForm<{ closesAt?: Dayjs; reason: string }>();
  const [closeForm] = Form.useForm<{ reason: string }>();
  const [reopenForm] = Form.useForm<{ closesAt?: Dayjs; reason: string }>();
  const [deadlineForm] = Form.useForm<{ stage: DeadlineStage; workingDays: number; reason: string }>();
  /** A refusal none of the form's fields can hold (a state conflict, a rule of the text): shown above the forms. */
  const [refusal, setRefusal] = useState<unknown>();
  const id = program.id;

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['program', id] });
    await queryClient.invalidateQueries({ queryKey: ['programs'] });
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const after = (done: string, form: FormInstance<any>) => ({
    onSuccess: async () => {
      setRefusal(undefined);
      form.resetFields();
      void message.success(done);
      await refresh();
    },
    onError: (error: unknown) => {
      const rest = showFieldErrors(form, error);
      const details = (error as { details?: unknown[] }).details ?? [];
      setRefusal(rest.length > 0 || details.length === 0 ? error : undefined);
    },
  });

  const changeWindow = useMutation({
    mutationFn: async (values: { closesAt?: Dayjs; reason: string }) =>
      unwrap(await api.POST('/api/v1/programs/{id}/window', { params: { path: { id } }, body: { closesAt: closingInstant(values.closesAt as Dayjs), reason: values.reason } })),
    ...after(t('windowDone'), windowForm),
  });
  const closeEarly = useMutation({
    mutationFn: async (values: { reason: string }) => unwrap(await api.POST('/api/v1/programs/{id}/close', { params: { path: { id } }, body: { reason: values.reason } })),
    ...after(t('closeDone'), closeForm),
  });
  const reopen = useMutation({
    mutationFn: async (values: { closesAt?: Dayjs; reason: string }) =>
      unwrap(await api.POST('/api/v1/programs/{id}/reopen', { params: { path: { id } }, body: { closesAt: closingInstant(values.closesAt as Dayjs), reason: values.reason } })),
    ...after(t('reopenDone'), reopenForm),
  });
  const changeDeadline = useMutation({
    mutationFn: async (values: { stage: DeadlineStage; workingDays: number; reason: string }) =>
      unwrap(
        await api.PUT('/api/v1/programs/{id}/stage-deadlines/{stage}', {
          params: { path: { id, stage: values.stage } },
          body: { workingDays: values.workingDays, reason: values.reason },
        }),
      ),
    ...after(t('deadlineDone'), deadlineForm),
  });

  const windowOpen = program.status === 'scheduled' || program.status === 'open';
  const deadlinesOpen = ['scheduled', 'open', 'closed', 'decided', 'publicized'].includes(program.status);
  const stages = DEADLINE_STAGES.filter((stage) => stage === 'correction' || program.review.stages[stage]);
  const reasonRule = [{ required: true, whitespace: true, message: t('reasonRequired') }];
  const dateRule = [{ required: true, message: t('dateRequired') }];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message={t('current', { opens: formatInstant(program.window.opensAt, locale), closes: formatInstant(program.window.closesAt, locale), status: label('programStatus', program.status) })}
      />
      {refusal !== undefined && <ErrorAlert error={refusal} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={cardTitle(t('window'))}>
            {!windowOpen && <Typography.Paragraph type="secondary">{t('notRunning')}</Typography.Paragraph>}
            <Form name="window" form={windowForm} layout="vertical" disabled={!windowOpen || changeWindow.isPending} onFinish={(values) => changeWindow.mutate(values)}>
              <Typography.Paragraph type="secondary">{t('windowHelp')}</Typography.Paragraph>
              <Form.Item label={t('newClose')} name="closesAt" rules={dateRule}>
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item label={t('reason')} name="reason" rules={reasonRule}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={changeWindow.isPending}>{t('saveWindow')}</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={cardTitle(t('close'))}>
            <Form name="close" form={closeForm} layout="vertical" disabled={program.status !== 'open' || closeEarly.isPending} onFinish={(values) => closeEarly.mutate(values)}>
              <Typography.Paragraph type="secondary">{t('closeHelp')}</Typography.Paragraph>
              <Form.Item label={t('reason')} name="reason" rules={reasonRule}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Popconfirm
                title={t('closeConfirm')}
                okText={t('confirm')}
                cancelText={t('cancel')}
                disabled={program.status !== 'open'}
                onConfirm={() => closeForm.submit()}
              >
                <Button danger loading={closeEarly.isPending}>{t('closeButton')}</Button>
              </Popconfirm>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={cardTitle(t('reopen'))}>
            <Form name="reopen" form={reopenForm} layout="vertical" disabled={program.status !== 'closed' || reopen.isPending} onFinish={(values) => reopen.mutate(values)}>
              <Typography.Paragraph type="secondary">{t('reopenHelp')}</Typography.Paragraph>
              <Form.Item label={t('newClose')} name="closesAt" rules={dateRule}>
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item label={t('reason')} name="reason" rules={reasonRule}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Button htmlType="submit" loading={reopen.isPending}>{t('reopenButton')}</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={cardTitle(t('deadline'))}>
            <Form
              name="deadline"
              form={deadlineForm}
              layout="vertical"
              disabled={!deadlinesOpen || changeDeadline.isPending}
              initialValues={{ stage: stages[0] }}
              onFinish={(values) => changeDeadline.mutate(values)}
            >
              <Typography.Paragraph type="secondary">{t('deadlineHelp')}</Typography.Paragraph>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item label={t('stage')} name="stage">
                    <Select options={stages.map((stage) => ({ value: stage, label: stageLabel(stage, locale) }))} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label={t('days')} name="workingDays" rules={[{ required: true, message: t('daysRequired') }]}>
                    <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('reason')} name="reason" rules={reasonRule}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Button htmlType="submit" loading={changeDeadline.isPending}>{t('saveDeadline')}</Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
