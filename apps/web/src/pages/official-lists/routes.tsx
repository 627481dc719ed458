import FileSearchOutlined from '@ant-design/icons/FileSearchOutlined';
import type { RouteDef } from '../../app/route-def';

const OFFICER = ['program_officer'] as const;

/** 免申即享: the official lists the program officer imports, their progress and entries, and the review queue. */
export const officialListRoutes: RouteDef[] = [
  { path: '/official-lists', roles: OFFICER, title: { zh: '免申即享名单', en: 'Official lists' }, menu: { order: 15, icon: <FileSearchOutlined /> }, load: () => import('./OfficialListsPage') },
  { path: '/official-lists/new', roles: OFFICER, title: { zh: '导入名单', en: 'Import a list' }, load: () => import('./ImportListPage') },
  { path: '/official-lists/review', roles: OFFICER, title: { zh: '名单待核对', en: 'List entries to review' }, load: () => import('./ReviewQueuePage') },
  { path: '/official-lists/:id', roles: OFFICER, title: { zh: '名单导入详情', en: 'List import' }, load: () => import('./ImportDetailPage') },
];
