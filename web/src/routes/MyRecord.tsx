/**
 * Citizen: "Hồ sơ của tôi" — my record in the population database, my household and card, my e-ID level and how to
 * reach level 2 (Nghị định 69/2024/NĐ-CP: level 2 needs an in-person check by the police).
 */
import { Alert, Button, Card, Col, Descriptions, Row, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useLoad } from '../components/useLoad.ts';
import { useSession } from '../features/identity/session.tsx';
import { registryApi } from '../features/registry/api.ts';
import { CardStatusTag, RecordView, useRegistryLabels } from '../features/registry/RecordView.tsx';
import { formatDate } from '../format.ts';

export default function MyRecord() {
  const { t } = useTranslation();
  const { session, signIn } = useSession();
  const labels = useRegistryLabels();
  const record = useLoad((signal) => registryApi.getMyRecord(signal), []);
  const data = record.data;
  // The account's level decides how the citizen can sign in (identity); the registry keeps a copy of it.
  const level = session?.eIdLevel ?? data?.eIdLevel ?? 1;
  const card = data?.card ?? null;
  return (
    <>
      <PageTitle title={t('nav.myRecord')}>{t('nav.myRecord')}</PageTitle>
      <ProblemAlert error={record.error} onRetry={record.reload} />
      {record.loading && !data && <Loading />}
      {data && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
            <Col xs={24} md={12}>
              <Card title={t('citizen.card.title')} style={{ height: '100%' }}>
                {card ? (
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'type', label: t('registry.fields.cardType'), children: labels.cardType(card.type) },
                      { key: 'number', label: t('registry.fields.cardNumber'), children: <span className="mono">{card.number}</span> },
                      { key: 'issue', label: t('registry.fields.issueDate'), children: formatDate(card.issueDate) },
                      { key: 'expiry', label: t('registry.fields.expiryDate'), children: card.expiryDate ? formatDate(card.expiryDate) : t('registry.record.noExpiry') },
                      { key: 'status', label: t('registry.fields.cardStatus'), children: <CardStatusTag card={card} /> },
                    ]}
                  />
                ) : (
                  <Typography.Paragraph>{t('citizen.card.none')}</Typography.Paragraph>
                )}
                {card?.expired && <Alert type="warning" showIcon title={t('citizen.card.expired')} style={{ marginTop: 12 }} />}
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card title={t('citizen.eid.title')} style={{ height: '100%' }} data-testid="eid-level">
                <Typography.Paragraph>
                  <strong>{t('citizen.eid.level', { level })}</strong> — {t(level >= 2 ? 'citizen.eid.level2Means' : 'citizen.eid.level1Means')}
                </Typography.Paragraph>
                {level >= 2 ? (
                  session?.acr === '2' ? (
                    <Typography.Paragraph>{t('citizen.eid.signedInAt2')}</Typography.Paragraph>
                  ) : (
                    <>
                      <Typography.Paragraph>{t('citizen.eid.stepUpLead')}</Typography.Paragraph>
                      <Button onClick={() => signIn('/me', { acr: '2' })}>{t('citizen.eid.stepUp')}</Button>
                    </>
                  )
                ) : (
                  <>
                    <Typography.Paragraph>{t('citizen.eid.howTo')}</Typography.Paragraph>
                    <Steps
                      orientation="vertical"
                      size="small"
                      current={-1}
                      items={[
                        { title: t('citizen.eid.step1'), content: t('citizen.eid.step1Text') },
                        { title: t('citizen.eid.step2'), content: t('citizen.eid.step2Text') },
                        { title: t('citizen.eid.step3'), content: t('citizen.eid.step3Text') },
                      ]}
                    />
                  </>
                )}
              </Card>
            </Col>
          </Row>
          <RecordView record={data} />
        </>
      )}
    </>
  );
}
