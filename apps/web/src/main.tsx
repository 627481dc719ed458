import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/global.css';
import { loadPreferences } from './i18n/locale';

const { locale } = loadPreferences();
dayjs.locale(locale === 'zh' ? 'zh-cn' : 'en');
document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
