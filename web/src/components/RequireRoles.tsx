import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, type Role } from '../features/identity/roles.ts';
import { useSession } from '../features/identity/session.tsx';
import { Loading } from './Loading.tsx';
import { PageTitle } from './PageTitle.tsx';

/** A screen for some roles: asks to sign in first, and says so plainly when the account's roles do not allow it. */
export function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { session } = useSession();
  const { t } = useTranslation();
  if (!session) return <Loading />;
  if (!session.authenticated) return <SignInPrompt />;
  if (!hasAnyRole(session.roles, roles)) {
    return (
      <>
        <PageTitle title={t('auth.forbiddenTitle')}>{t('auth.forbiddenTitle')}</PageTitle>
        <Alert type="warning" showIcon title={t('auth.forbidden', { roles: roles.map((role) => t(`roles.${role}`)).join(', ') })} />
      </>
    );
  }
  return children;
}

export function SignInPrompt() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  return (
    <>
      <PageTitle title={t('auth.signInTitle')}>{t('auth.signInTitle')}</PageTitle>
      <div className="panel" style={{ maxWidth: 560 }}>
        <p style={{ marginTop: 0 }}>{t('auth.signInLead')}</p>
        <Button type="primary" size="large" onClick={() => signIn()} data-testid="sign-in">
          {t('auth.signIn')}
        </Button>
      </div>
    </>
  );
}
