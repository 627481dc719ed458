import HomeOutlined from '@ant-design/icons/HomeOutlined';
import type { RouteDef } from '../../app/route-def';

export const homeRoutes: RouteDef[] = [
  { path: '/', title: { zh: '工作台', en: 'Workbench' }, menu: { order: 0, icon: <HomeOutlined /> }, load: () => import('./WorkbenchPage') },
];
