/**
 * Administrator: the roles of the platform — what each is for, and which screens of this app it opens (from the same
 * table that builds the menu, so the page cannot drift from what users see). Roles are given on the accounts screen.
 */
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle.tsx';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { BUSINESS_ROLES, ROLES, type Role } from '../features/identity/roles.ts';
import { AREAS, KIOSK_ROLES } from '../navigation.tsx';

export default function AdminRoles() {
  const { t } = useTranslation();
  const kindOf = (role: Role) => (role === 'citizen' ? 'citizen' : (BUSINESS_ROLES as readonly string[]).includes(role) ? 'business' : 'staff');
  return (
    <>
      <PageTitle title={t('nav.adminRoles')}>{t('nav.adminRoles')}</PageTitle>
      <Typography.Paragraph style={{ maxWidth: 760 }}>
        {t('admin.roles.lead')} <Link to="/admin/accounts">{t('nav.adminAccounts')}</Link>.
      </Typography.Paragraph>
      <ResponsiveTable<Role>
        rows={[...ROLES]}
        rowKey={(role) => role}
        emptyText="—"
        caption={t('nav.adminRoles')}
        testId="roles"
        columns={[
          { key: 'role', title: t('admin.roles.role'), render: (role) => <strong>{t(`roles.${role}`)}</strong> },
          { key: 'code', title: t('admin.roles.code'), render: (role) => <span className="mono">{role}</span> },
          { key: 'kind', title: t('admin.accounts.kind'), render: (role) => t(`admin.kinds.${kindOf(role)}`) },
          { key: 'purpose', title: t('admin.roles.purpose'), render: (role) => t(`admin.roles.describe.${role}`) },
          {
            key: 'screens',
            title: t('admin.roles.screens'),
            render: (role) => {
              const screens = AREAS.filter((area) => !area.hidden && area.roles.includes(role)).map((area) => t(`nav.${area.key}`));
              if ((KIOSK_ROLES as readonly string[]).includes(role)) screens.push(t('nav.kiosk'));
              return screens.length > 0 ? screens.map((screen) => <Tag key={screen}>{screen}</Tag>) : t('admin.roles.noScreens');
            },
          },
        ]}
      />
    </>
  );
}
