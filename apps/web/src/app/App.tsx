import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme as antTheme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { loadPreferences, Locale, PreferencesContext, savePreferences } from '../i18n/locale';
import { queryClient } from './query-client';
import { buildRouter } from './router';

const router = createBrowserRouter(buildRouter());

const ACCESSIBLE_COLOURS = {
  colorPrimary: '#1456c8',
  // antd lightens the primary on hover, below AA contrast for white text; darker keeps it readable.
  colorPrimaryHover: '#0f4bb4',
  colorPrimaryActive: '#0b3d96',
  colorInfo: '#1456c8',
  colorLink: '#0f4bb4',
  colorTextSecondary: '#545454',
  colorTextTertiary: '#545454',
  colorTextDescription: '#545454',
  colorTextPlaceholder: '#636363',
  colorError: '#c4221c',
  colorSuccess: '#2e7d32',
  colorWarning: '#a35c00',
};

/** Providers around every screen: preferences (language, 大字), antd's locale and theme, TanStack Query, the router. */
export function App() {
  const [preferences, setPreferences] = useState(loadPreferences);
  const value = useMemo(
    () => ({
      ...preferences,
      setLocale(locale: Locale) {
        const next = { ...preferences, locale };
        savePreferences(next);
        dayjs.locale(locale === 'zh' ? 'zh-cn' : 'en');
        document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
        setPreferences(next);
        void queryClient.invalidateQueries();
      },
      setLargeText(largeText: boolean) {
        const next = { ...preferences, largeText };
        savePreferences(next);
        setPreferences(next);
      },
    }),
    [preferences],
  );
  const theme = useMemo(
    () => ({
      algorithm: antTheme.defaultAlgorithm,
      // antd's default greys and blue fall short of WCAG AA contrast (4.5:1) on white and on the light grey page; these
      // pass it. 大字 mode scales type and controls together.
      token: { ...ACCESSIBLE_COLOURS, ...(preferences.largeText ? { fontSize: 18, controlHeight: 40 } : {}) },
    }),
    [preferences.largeText],
  );
  return (
    <PreferencesContext.Provider value={value}>
      <ConfigProvider locale={preferences.locale === 'zh' ? zhCN : enUS} theme={theme}>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </PreferencesContext.Provider>
  );
}
