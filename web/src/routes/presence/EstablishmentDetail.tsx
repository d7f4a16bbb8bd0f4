/**
 * One establishment for the police: its details and status, and who is staying there now (a lodging) or how many
 * people are inside (a gated site). Reading the guest list is audited per guest on the server.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { CardTitle, DataTable, useDescriptionLayout } from '../../features/plan/ui.tsx';
import { LODGING_KINDS, presenceApi, type CurrentGuest } from '../../features/presence/api.ts';
import { EstablishmentStatus } from '../../features/presence/ui.tsx';
import { useWardNames } from '../../features/registry/wards.ts';

const ID = /^CS-[0-9]{5}-[0-9A-F]{8}$/;

export default function EstablishmentDetail() {
  const { t } = useTranslation('presence');
  const navigate = useNavigate();
  const layout = useDescriptionLayout();
  const id = useParams().establishmentId ?? '';
  const valid = ID.test(id);
  const place = useLoad(valid ? (signal) => presenceApi.establishment(id, signal) : undefined, [id]);
  const lodging = place.data ? LODGING_KINDS.includes(place.data.kind) : false;
  const guests = useLoad(place.data && lodging ? (signal) => presenceApi.guestsOf(id, signal) : undefined, [id, lodging, place.data]);
  const occupancy = useLoad(place.data && !lodging ? (signal) => presenceApi.occupancy(id, signal) : undefined, [id, lodging, place.data]);
  const names = useWardNames(place.data ? [place.data.wardCode, place.data.policeWardCode] : []);
  const title = place.data?.name ?? t('establishments.detailTitle');

  return (
    <>
      <PageTitle
        title={title}
        extra={
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/presence/establishments'))}>
            {t('common.back')}
          </Button>
        }
      >
        {title}
      </PageTitle>
      {!valid && <Alert type="error" showIcon title={t('establishments.invalidId')} />}
      <ProblemAlert error={place.error ?? guests.error ?? occupancy.error} onRetry={() => { place.reload(); guests.reload(); occupancy.reload(); }} />
      {place.loading && <Loading />}
      {place.data && (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            layout={layout}
            items={[
              { key: 'id', label: t('establishments.id'), children: <span className="mono">{place.data.id}</span> },
              { key: 'kind', label: t('establishments.kind'), children: t(`kinds.${place.data.kind}`, { defaultValue: place.data.kind }) },
              { key: 'status', label: t('establishments.status'), children: <EstablishmentStatus status={place.data.status} /> },
              { key: 'address', label: t('establishments.address'), children: place.data.address },
              { key: 'ward', label: t('establishments.ward'), children: names[place.data.wardCode] ?? place.data.wardCode },
              { key: 'police', label: t('establishments.policeWard'), children: names[place.data.policeWardCode] ?? place.data.policeWardCode },
              { key: 'capacity', label: t('establishments.capacity'), children: place.data.capacity ?? '—' },
              { key: 'remote', label: t('establishments.remoteArea'), children: place.data.remoteArea ? t('common.yes') : t('common.no') },
              { key: 'created', label: t('establishments.createdAt'), children: formatDate(place.data.createdAt) },
            ]}
          />
          <Link to="/presence/establishments">{t('establishments.backToList')}</Link>
        </Card>
      )}
      {lodging && (
        <Card title={<CardTitle>{t('guestsNow.titleOf', { count: guests.data?.guests.length ?? 0 })}</CardTitle>}>
          <DataTable<CurrentGuest>
            testId="establishment-guests"
            caption={t('guestsNow.caption')}
            loading={guests.loading}
            rows={guests.data?.guests ?? []}
            rowKey={(guest) => guest.stayId}
            emptyText={t('guestsNow.empty')}
            columns={[
              {
                key: 'name',
                title: t('receipt.guest'),
                render: (guest) =>
                  guest.personId ? <Link to={`/presence/person?personId=${guest.personId}`}>{guest.name}</Link> : <Typography.Text>{guest.name}</Typography.Text>,
              },
              { key: 'id', title: t('guestsNow.document'), render: (guest) => <span className="mono">{guest.personId ?? `${guest.nationality} ${guest.passportNumber ?? ''}`}</span> },
              { key: 'room', title: t('receipt.room'), render: (guest) => guest.room ?? '—' },
              { key: 'arrival', title: t('receipt.arrival'), render: (guest) => formatDateTime(guest.arrivalAt) },
              { key: 'departure', title: t('guestsNow.expectedDeparture'), render: (guest) => (guest.expectedDepartureAt ? formatDateTime(guest.expectedDepartureAt) : '—') },
              { key: 'late', title: t('receipt.status'), render: (guest) => (guest.late ? <Tag color="error">{t('receipt.late')}</Tag> : <Tag color="success">{t('receipt.onTime')}</Tag>) },
            ]}
          />
        </Card>
      )}
      {place.data && !lodging && occupancy.data && (
        <Card title={<CardTitle>{t('gate.occupancy')}</CardTitle>}>
          <Statistic title={t('gate.inside')} value={occupancy.data.inside} suffix={occupancy.data.capacity ? `/ ${occupancy.data.capacity}` : undefined} />
        </Card>
      )}
    </>
  );
}
