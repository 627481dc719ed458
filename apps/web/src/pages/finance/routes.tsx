import BarChartOutlined from '@ant-design/icons/BarChartOutlined';
import AccountBookOutlined from '@ant-design/icons/AccountBookOutlined';
import RollbackOutlined from '@ant-design/icons/RollbackOutlined';
import type { RouteDef } from '../../app/route-def';

const FINANCE = ['finance_officer'] as const;

/** The finance officer's screens: programs handed over (budget, intake, approval per payer), payment batches, clawbacks, reports. */
export const financeRoutes: RouteDef[] = [
  { path: '/finance/programs', roles: FINANCE, title: { zh: '已移交项目', en: 'Programs handed over' }, menu: { order: 40, icon: <AccountBookOutlined /> }, load: () => import('./HandedOverProgramsPage') },
  { path: '/finance/programs/:id', roles: FINANCE, title: { zh: '项目资金办理', en: 'Program funds' }, load: () => import('./FinanceProgramPage') },
  { path: '/finance/batches/:id', roles: FINANCE, title: { zh: '支付批次', en: 'Payment batch' }, load: () => import('./PaymentBatchPage') },
  { path: '/finance/clawbacks', roles: FINANCE, title: { zh: '追回款', en: 'Clawbacks' }, menu: { order: 41, icon: <RollbackOutlined /> }, load: () => import('./ClawbacksPage') },
  { path: '/finance/reports', roles: FINANCE, title: { zh: '财务报表', en: 'Finance report' }, menu: { order: 42, icon: <BarChartOutlined /> }, load: () => import('./FinanceReportPage') },
];
