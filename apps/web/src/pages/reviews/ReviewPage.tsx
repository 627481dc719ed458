import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { currentSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLabel } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale';
import { defineMessages, useT } from '../../i18n/messages';
import { ApplicationDossier } from './ApplicationDossier';
import { ConflictDeclaration } from './ConflictDeclaration';
import { DistrictReviewForm } from './DistrictReviewForm';
import { DueDate } from './DueDate';
import { ExpertScoreForm } from './ExpertScoreForm';
import { FormalCheckForm } from './FormalCheckForm';
import { fetchAssignment, fetchEstimate, fetchReviewDetail, fetchToday, ReviewDetail } from './review-api';
import { ReassignForm } from './ReassignForm';
import { TechnicalReviewForm } from './TechnicalReviewForm';

const messages = defineMessages({
  zh: {
    due: '本环节截止：',
    back: '返回待审队列',
    formal: '形式审查',
    district: '区级初审',
    inPlace: '代为审查',
    reassign: '转派',
    officerDistrict: '区级初审：转派或代为审查',
    technical: '技术审查',
    expert: '专家评分',
    notMine: '该申报当前不在您办理的审查环节，仅供查阅。',
    assignedElsewhere: '该申报已转派给其他审核人员办理，仅供查阅。',
    noSeat: '您不在该申报的评审专家组中，或评审已结束。',
  },
  en: {
    due: 'Stage due: ',
    back: 'Back to the queue',
    formal: 'Formal check',
    district: 'District pre-review',
    inPlace: 'Act in their place',
    reassign: 'Reassign',
    officerDistrict: 'District pre-review: reassign or act in their place',
    technical: 'Technical review',
    expert: 'Expert scoring',
    notMine: 'This application is not at a stage you handle; read only.',
    assignedElsewhere: 'This review was reassigned to another reviewer; read only.',
    noSeat: 'You do not sit on this application’s panel, or its review has ended.',
  },
});

/** One application at my stage: the dossier and its documents on the left, the stage's form on the right. */
export default function ReviewPage() {
  const t = useT(messages);
  const label = useLabel();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const session = currentSession();
  const role = session?.user.role ?? '';
  const userId = session?.user.id ?? '';
  const isExpert = role === 'expert';
  const [declaredNow, setDeclaredNow] = useState(false);

  const assignment = useQuery({ queryKey: ['assignment', id, locale], enabled: isExpert, queryFn: () => fetchAssignment(id) });
  // The API keeps the expert's declaration (who, when): it holds on every device and in every later session.
  const declared = declaredNow || Boolean(assignment.data?.noConflictDeclaredAt);
  // An expert's documents open only after the declaration; nobody else has one to make.
  const documentsOpen = !isExpert || (declared && assignment.data !== undefined);
  const detail = useQuery({ queryKey: ['review-application', id, locale], enabled: documentsOpen, queryFn: () => fetchReviewDetail(id) });
  const estimate = useQuery({ queryKey: ['review-estimate', id, locale], enabled: documentsOpen, queryFn: () => fetchEstimate(id) });
  const today = useQuery({ queryKey: ['server-today'], queryFn: fetchToday, staleTime: 60_000 });

  const done = () => {
    void queryClient.invalidateQueries();
    navigate('/reviews');
  };
  const back = <Link to="/reviews">{t('back')}</Link>;

  if (isExpert) {
    if (assignment.error) return <ErrorAlert error={assignment.error} />;
    if (assignment.isLoading) return <Spin />;
    if (!assignment.data) {
      return (
        <Space direction="vertical">
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{t('expert')}</Typography.Title>
          <Alert type="info" showIcon message={t('noSeat')} />
          {back}
        </Space>
      );
    }
    if (!declared) {
      const a = assignment.data;
      return (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap align="center">
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{a.applicant.name}</Typography.Title>
            <Tag>{a.programTitle}</Tag>
          </Space>
          <ConflictDeclaration
            applicationId={id}
            organizationName={a.applicant.name}
            onNoConflict={() => setDeclaredNow(true)}
            onWithdrawn={done}
          />
          {back}
        </Space>
      );
    }
  }

  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!detail.data) return <Spin />;
  const application = detail.data;
  const form = stageForm(application);

  function stageForm(a: ReviewDetail): { title: string; body: ReactNode } | { notice: string } {
    const assignedElsewhere = a.reviewAssigneeId !== null && a.reviewAssigneeId !== userId;
    if (isExpert && assignment.data && a.status === 'expert_review') return { title: t('expert'), body: <ExpertScoreForm assignment={assignment.data} onDone={done} /> };
    if (a.status === 'formal_check' && role === 'program_officer') return { title: t('formal'), body: <FormalCheckForm detail={a} onDone={done} /> };
    if (a.status === 'district_review' && role === 'district_reviewer') {
      return assignedElsewhere ? { notice: t('assignedElsewhere') } : { title: t('district'), body: <DistrictReviewForm detail={a} actingInPlace={false} onDone={done} /> };
    }
    if (a.status === 'district_review' && role === 'program_officer') {
      return {
        title: t('officerDistrict'),
        body: (
          <Tabs
            items={[
              { key: 'reassign', label: t('reassign'), children: <ReassignForm detail={a} onDone={done} /> },
              { key: 'in-place', label: t('inPlace'), children: <DistrictReviewForm detail={a} actingInPlace onDone={done} /> },
            ]}
          />
        ),
      };
    }
    if (a.status === 'technical_review' && role === 'program_officer') return { title: t('reassign'), body: <ReassignForm detail={a} onDone={done} /> };
    if (a.status === 'technical_review' && role === 'technical_reviewer') {
      return assignedElsewhere ? { notice: t('assignedElsewhere') } : { title: t('technical'), body: <TechnicalReviewForm detail={a} estimate={estimate.data} onDone={done} /> };
    }
    return { notice: t('notMine') };
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" size="middle">
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{application.organizationName}</Typography.Title>
        <Tag>{label('applicationStatus', application.status)}</Tag>
        <span>
          {t('due')}
          <DueDate dueOn={application.stageDueOn} today={today.data} />
        </span>
        {back}
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <ApplicationDossier detail={application} estimate={estimate.data} />
        </Col>
        <Col xs={24} lg={10}>
          {'notice' in form ? (
            <Alert type="info" showIcon message={form.notice} />
          ) : (
            <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{form.title}</Typography.Title>}>
              {form.body}
            </Card>
          )}
        </Col>
      </Row>
    </Space>
  );
}
