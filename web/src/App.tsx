/**
 * Providers and routes: the Ant Design theme and locale (following the UI language), the session, and the router
 * built from navigation.tsx. The kiosk runs outside the shell.
 */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { AppShell } from './components/AppShell.tsx';
import { Loading } from './components/Loading.tsx';
import { RequireRoles } from './components/RequireRoles.tsx';
import { SessionProvider } from './features/identity/session.tsx';
import { AREAS, KIOSK_ROLES } from './navigation.tsx';
import Home from './routes/Home.tsx';
import NotFound from './routes/NotFound.tsx';
import { theme } from './theme.ts';

const Kiosk = lazy(() => import('./routes/Kiosk.tsx'));

const router = createBrowserRouter([
  {
    path: '/kiosk',
    element: (
      <Suspense fallback={<Loading />}>
        <main id="main" style={{ padding: 16 }}>
          <RequireRoles roles={KIOSK_ROLES}>
            <Kiosk />
          </RequireRoles>
        </main>
      </Suspense>
    ),
  },
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Home /> },
      ...AREAS.map(({ path, roles, Screen }) => ({
        path,
        element: (
          <RequireRoles roles={roles}>
            <Screen />
          </RequireRoles>
        ),
      })),
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
