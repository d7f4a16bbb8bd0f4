/**
 * The frame of every screen but the kiosk: a header (brand, ward context, language, account), the menu built from
 * navigation.tsx for the account's roles (a side bar on wide screens, a drawer on phones) and the page.
 */
import { EnvironmentOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Grid, Layout, Menu, Space } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useSearchParams } from 'react-router-dom';
import { ALL_WARDS } from '../features/identity/roles.ts';
import { useSession } from '../features/identity/session.tsx';
import { useWardNames } from '../features/registry/wards.ts';
import { AREAS, areasFor, SECTIONS } from '../navigation.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Loading } from './Loading.tsx';

const { Header, Sider, Content } = Layout;

export function AppShell() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const [search] = useSearchParams();
  const { session, signIn, signOut } = useSession();

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const signInError = search.get('signInError');
  const navigation = <Navigation />;
  const account = session?.authenticated ? (
    <Space orientation={wide ? 'horizontal' : 'vertical'} size={wide ? 12 : 8} align={wide ? 'center' : 'start'}>
      <strong data-testid="account-name">{session.displayName}</strong>
      <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="sign-out">
        {t('auth.signOut')}
      </Button>
    </Space>
  ) : session ? (
    <Button type="primary" onClick={() => signIn()} data-testid="header-sign-in">
      {t('auth.signIn')}
    </Button>
  ) : null;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout style={{ minHeight: '100vh' }}>
        <Header style={{ display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #d9dde3', position: 'sticky', top: 0, zIndex: 10 }}>
          {!wide && <Button type="text" aria-label={t('app.openMenu')} aria-expanded={drawerOpen} icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} data-testid="open-menu" />}
          <Link to="/" style={{ color: '#a61b1b', fontWeight: 700, fontSize: 20, whiteSpace: 'nowrap' }} aria-label={t('app.homeLink')}>
            DA06
          </Link>
          {wide && <span style={{ color: 'rgba(0,0,0,0.72)', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{t('app.tagline')}</span>}
          <div style={{ flex: 1 }} />
          {wide && <WardContext />}
          <LanguageSwitch />
          {wide && account}
        </Header>
        <Layout>
          {wide && (
            <Sider width={272} style={{ borderRight: '1px solid #d9dde3' }}>
              {navigation}
            </Sider>
          )}
          {/* Ant Design's Content is the page's <main> landmark. */}
          <Content id="main" tabIndex={-1} style={{ minWidth: 0 }}>
            {!wide && <WardContext compact />}
            <div className="da06-content">
              {signInError && (
                <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('auth.signInFailed', { code: signInError })} />
              )}
              <Suspense fallback={<Loading />}>
                <Outlet />
              </Suspense>
            </div>
          </Content>
        </Layout>
      </Layout>
      {!wide && (
        <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={300} title={t('app.menu')} closable={{ 'aria-label': t('common.close') }}>
          {account && <div style={{ padding: '0 16px 16px' }}>{account}</div>}
          {navigation}
        </Drawer>
      )}
    </>
  );
}

/** The menu: one group per section, the screens this account's roles allow. */
function Navigation() {
  const { t } = useTranslation();
  const { session } = useSession();
  const location = useLocation();
  const allowed = areasFor(session?.authenticated ? session.roles : []);
  const selected = AREAS.filter((area) => !area.hidden && (location.pathname === area.path || location.pathname.startsWith(`${area.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)
    .slice(0, 1)
    .map((area) => area.path);
  const items = SECTIONS.map((section) => ({ section, areas: allowed.filter((area) => area.section === section) }))
    .filter((group) => group.areas.length > 0)
    .map((group) => ({
      type: 'group' as const,
      key: group.section,
      label: t(`nav.sections.${group.section}`),
      children: group.areas.map((area) => ({ key: area.path, icon: area.icon, label: <Link to={area.path}>{t(`nav.${area.key}`)}</Link> })),
    }));
  return (
    <nav aria-label={t('app.mainNavigation')}>
      <Menu mode="inline" selectedKeys={selected} items={[{ key: '/', label: <Link to="/">{t('nav.home')}</Link> }, ...items]} style={{ borderInlineEnd: 'none' }} />
    </nav>
  );
}

/** Staff act on their wards only: the header says which (DESIGN.md: every role sees only its own ward). */
function WardContext({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const wards = session?.authenticated && session.kind === 'staff' ? (session.wards ?? []) : [];
  const names = useWardNames(wards);
  // Businesses and citizens have no wards to act on.
  if (!session?.authenticated || session.kind !== 'staff') return null;
  const text = wards.includes(ALL_WARDS) ? t('app.allWards') : wards.length === 0 ? t('app.noWards') : wards.map((code) => names[code] ?? code).join(', ');
  return (
    <span
      data-testid="ward-context"
      style={{ display: 'block', maxWidth: compact ? undefined : 360, whiteSpace: compact ? 'normal' : 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', padding: compact ? '8px 12px 0' : 0, color: 'rgba(0,0,0,0.72)' }}
      title={text}
    >
      <EnvironmentOutlined aria-hidden /> {t('app.wardContext', { wards: text })}
    </span>
  );
}
