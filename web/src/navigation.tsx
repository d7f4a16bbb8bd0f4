/**
 * The screens of the web app, in one table: the router and the menu are both built from it, so a screen appears in
 * the navigation exactly when the signed-in account's roles allow it. To add a screen: a file in routes/, then one
 * entry here (lazy, so the first page stays small), and its labels in i18n/vi.json + en.json under `nav.*`.
 */
import {
  AuditOutlined,
  ClusterOutlined,
  EyeOutlined,
  IdcardOutlined,
  KeyOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  TeamOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { AlertOutlined, AppstoreOutlined, BellOutlined, ClockCircleOutlined, ContactsOutlined, DashboardOutlined, FilePdfOutlined, FileSearchOutlined, FormOutlined, LineChartOutlined, LoginOutlined, ShopOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Role } from './features/identity/roles.ts';

/** Menu groups, in menu order (`nav.sections.<key>`). */
export const SECTIONS = ['registry', 'presence', 'verification', 'citizen', 'plan', 'admin'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Area {
  /** Route path; `:param` segments for detail screens. */
  path: string;
  /** i18n key of the menu label (`nav.<key>`). */
  key: string;
  section: Section;
  roles: readonly Role[];
  icon: ReactNode;
  Screen: LazyExoticComponent<ComponentType>;
  /** Detail screens are reached from a list, not from the menu. */
  hidden?: boolean;
}

/** Roles that check identities at a counter (registry.verification-purposes.ts: who may declare a purpose). */
export const VERIFIER_ROLES = ['police', 'one_stop_officer', 'host', 'checkpoint_operator'] as const satisfies readonly Role[];

export const AREAS: Area[] = [
  { path: '/registry', key: 'registrySearch', section: 'registry', roles: ['police'], icon: <SearchOutlined />, Screen: lazy(() => import('./routes/RegistrySearch.tsx')) },
  { path: '/registry/births/new', key: 'registryBirth', section: 'registry', roles: ['police'], icon: <UserAddOutlined />, Screen: lazy(() => import('./routes/RegistryBirth.tsx')) },
  { path: '/registry/residents/:personId', key: 'residentRecord', section: 'registry', roles: ['police'], icon: <IdcardOutlined />, hidden: true, Screen: lazy(() => import('./routes/ResidentRecord.tsx')) },
  { path: '/verify', key: 'verify', section: 'verification', roles: VERIFIER_ROLES, icon: <SafetyCertificateOutlined />, Screen: lazy(() => import('./routes/Verify.tsx')) },
  { path: '/me', key: 'myRecord', section: 'citizen', roles: ['citizen'], icon: <UserOutlined />, Screen: lazy(() => import('./routes/MyRecord.tsx')) },
  { path: '/me/data-access', key: 'myDataAccess', section: 'citizen', roles: ['citizen'], icon: <EyeOutlined />, Screen: lazy(() => import('./routes/MyDataAccess.tsx')) },
  { path: '/me/qr', key: 'myQr', section: 'citizen', roles: ['citizen'], icon: <QrcodeOutlined />, Screen: lazy(() => import('./routes/MyQr.tsx')) },
  { path: '/admin/accounts', key: 'adminAccounts', section: 'admin', roles: ['admin'], icon: <TeamOutlined />, Screen: lazy(() => import('./routes/AdminAccounts.tsx')) },
  { path: '/admin/roles', key: 'adminRoles', section: 'admin', roles: ['admin'], icon: <AuditOutlined />, Screen: lazy(() => import('./routes/AdminRoles.tsx')) },
  { path: '/admin/wards', key: 'adminWards', section: 'admin', roles: ['admin'], icon: <ClusterOutlined />, Screen: lazy(() => import('./routes/AdminWards.tsx')) },
  { path: '/admin/clients', key: 'adminClients', section: 'admin', roles: ['admin'], icon: <KeyOutlined />, Screen: lazy(() => import('./routes/AdminClients.tsx')) },
  // The plan (#6): readers are the plan module's READERS; the town-wide views its STAFF (plan.routes.ts).
  { path: '/plan/reports', key: 'planReports', section: 'plan', roles: ['unit_reporter'], icon: <FormOutlined />, Screen: lazy(() => import('./routes/plan/UnitReports.tsx')) },
  { path: '/plan/reports/:month/:number', key: 'planReport', section: 'plan', roles: ['working_group_secretary', 'unit_reporter', 'leader', 'admin'], icon: <FormOutlined />, hidden: true, Screen: lazy(() => import('./routes/plan/Report.tsx')) },
  { path: '/plan/submissions', key: 'planSubmissions', section: 'plan', roles: ['working_group_secretary', 'leader', 'admin'], icon: <FileSearchOutlined />, Screen: lazy(() => import('./routes/plan/Submissions.tsx')) },
  { path: '/plan/consolidations', key: 'planConsolidations', section: 'plan', roles: ['working_group_secretary', 'leader', 'admin'], icon: <FilePdfOutlined />, Screen: lazy(() => import('./routes/plan/Consolidations.tsx')) },
  { path: '/plan/overview', key: 'planOverview', section: 'plan', roles: ['leader', 'working_group_secretary', 'admin'], icon: <DashboardOutlined />, Screen: lazy(() => import('./routes/plan/Overview.tsx')) },
  { path: '/plan/models', key: 'planModels', section: 'plan', roles: ['working_group_secretary', 'unit_reporter', 'leader', 'admin'], icon: <AppstoreOutlined />, Screen: lazy(() => import('./routes/plan/Models.tsx')) },
  { path: '/plan/models/:number', key: 'planModel', section: 'plan', roles: ['working_group_secretary', 'unit_reporter', 'leader', 'admin'], icon: <AppstoreOutlined />, hidden: true, Screen: lazy(() => import('./routes/plan/Model.tsx')) },
  { path: '/plan/notifications', key: 'planNotifications', section: 'plan', roles: ['working_group_secretary', 'unit_reporter', 'admin'], icon: <BellOutlined />, Screen: lazy(() => import('./routes/plan/Notifications.tsx')) },
  // Stays and entries (#7): roles as in presence.routes.ts.
  { path: '/presence/notice', key: 'presenceNotice', section: 'presence', roles: ['host'], icon: <SolutionOutlined />, Screen: lazy(() => import('./routes/presence/StayNotice.tsx')) },
  { path: '/presence/gate', key: 'presenceGate', section: 'presence', roles: ['checkpoint_operator'], icon: <LoginOutlined />, Screen: lazy(() => import('./routes/presence/Gate.tsx')) },
  { path: '/presence/alerts', key: 'presenceAlerts', section: 'presence', roles: ['police'], icon: <AlertOutlined />, Screen: lazy(() => import('./routes/presence/Alerts.tsx')) },
  { path: '/presence/establishments', key: 'presenceEstablishments', section: 'presence', roles: ['police', 'admin'], icon: <ShopOutlined />, Screen: lazy(() => import('./routes/presence/Establishments.tsx')) },
  { path: '/presence/establishments/:establishmentId', key: 'presenceEstablishment', section: 'presence', roles: ['police', 'admin'], icon: <ShopOutlined />, hidden: true, Screen: lazy(() => import('./routes/presence/EstablishmentDetail.tsx')) },
  { path: '/presence/compliance', key: 'presenceCompliance', section: 'presence', roles: ['police'], icon: <ClockCircleOutlined />, Screen: lazy(() => import('./routes/presence/Compliance.tsx')) },
  { path: '/presence/person', key: 'presencePerson', section: 'presence', roles: ['police'], icon: <ContactsOutlined />, Screen: lazy(() => import('./routes/presence/Person.tsx')) },
  { path: '/presence/tourism', key: 'presenceTourism', section: 'presence', roles: ['police', 'leader', 'admin'], icon: <LineChartOutlined />, Screen: lazy(() => import('./routes/presence/Tourism.tsx')) },
];

/** The kiosk runs outside the shell (full screen, no menu) for the roles that verify at a counter. */
export const KIOSK_ROLES = VERIFIER_ROLES;

export function areasFor(roles: readonly string[] | undefined): Area[] {
  return AREAS.filter((area) => !area.hidden && area.roles.some((role) => (roles ?? []).includes(role)));
}
