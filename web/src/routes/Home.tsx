import { Col, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Loading } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SignInPrompt } from '../components/RequireRoles.tsx';
import { hasAnyRole } from '../features/identity/roles.ts';
import { useSession } from '../features/identity/session.tsx';
import { areasFor, KIOSK_ROLES } from '../navigation.tsx';

/** The start page: what this account can do here, one card per screen its roles allow. */
export default function Home() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session) return <Loading />;
  if (!session.authenticated) {
    return (
      <>
        <p style={{ fontSize: 16, maxWidth: 720 }}>{t('app.intro')}</p>
        <SignInPrompt />
      </>
    );
  }
  const areas = areasFor(session.roles);
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.greeting', { name: session.displayName })}</PageTitle>
      <p>
        {t('home.roles')}{' '}
        {(session.roles ?? []).map((role) => (
          <Tag key={role} data-testid="role-tag">
            {t(`roles.${role}`)}
          </Tag>
        ))}
      </p>
      {areas.length === 0 ? (
        <p data-testid="no-areas">{t('home.noScreensYet')}</p>
      ) : (
        <Row gutter={[16, 16]}>
          {areas.map((area) => (
            <Col key={area.path} xs={24} sm={12} lg={8}>
              <Link to={area.path} style={{ display: 'block', height: '100%' }}>
                <div className="panel panel-link" style={{ height: '100%' }}>
                  <h2 style={{ fontSize: 18, marginTop: 0 }}>
                    <span aria-hidden>{area.icon}</span> {t(`nav.${area.key}`)}
                  </h2>
                  <span style={{ color: 'rgba(0,0,0,0.72)' }}>{t(`home.describe.${area.key}`)}</span>
                </div>
              </Link>
            </Col>
          ))}
          {hasAnyRole(session.roles, KIOSK_ROLES) && (
            <Col xs={24} sm={12} lg={8}>
              <Link to="/kiosk" style={{ display: 'block', height: '100%' }}>
                <div className="panel panel-link" style={{ height: '100%' }}>
                  <h2 style={{ fontSize: 18, marginTop: 0 }}>
                    {t('nav.kiosk')}
                  </h2>
                  <span style={{ color: 'rgba(0,0,0,0.72)' }}>{t('home.describe.kiosk')}</span>
                </div>
              </Link>
            </Col>
          )}
        </Row>
      )}
    </>
  );
}
