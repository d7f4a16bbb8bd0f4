/**
 * "Thông báo lưu trú" — the accommodation operator's desk (hotels, guesthouses, rentals, hospitals; a bus operator
 * sends a trip's passenger list the same way). Guests are added by scanning the card or the citizen app's code, by
 * typing the particulars, or by passport; the notice goes into this device's queue and is sent from there, so the desk
 * keeps working when the network drops and the queue goes out when it returns (features/presence/outbox.ts).
 *
 * Deadlines (shown on the receipt, computed by the server): before 23:00 on the arrival day, before 08:00 the next day
 * for arrivals after 23:00 (Luật Cư trú 2020, Điều 30; Thông tư 55/2021/TT-BCA); foreigners within 12 hours
 * (Luật 47/2014/QH13, Điều 33).
 */
import { CloudOutlined, DeleteOutlined, DisconnectOutlined, EditOutlined, LogoutOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Input, List, Popconfirm, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { CardTitle, DataTable } from '../../features/plan/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDateTime } from '../../format.ts';
import { useSession } from '../../features/identity/session.tsx';
import { presenceApi, STAY_REASONS, type CurrentGuest, type GuestInput, type StayNoticeRequest, type StayReason } from '../../features/presence/api.ts';
import { GuestPicker } from '../../features/presence/GuestPicker.tsx';
import { guestPayload, previewCardQr, sameGuest, type GuestDraft } from '../../features/presence/guests.ts';
import { enqueueCheckOut, enqueueNotice, removeItem, retryItem, type NoticeItem, type OutboxItem } from '../../features/presence/outbox.ts';
import { ReceiptView } from '../../features/presence/ReceiptView.tsx';
import { problemText, StateTag } from '../../features/presence/ui.tsx';
import { useOutbox } from '../../features/presence/useOutbox.ts';

interface NoticeForm {
  arrivalAt: Dayjs;
  expectedDepartureAt?: Dayjs | null;
  room?: string;
  reason?: StayReason;
  tripRoute?: string;
  tripDepartureAt?: Dayjs | null;
  tripPlate?: string;
}

const DATE_TIME = 'DD/MM/YYYY HH:mm';

function defaults(): NoticeForm {
  const now = dayjs().second(0).millisecond(0);
  return { arrivalAt: now, expectedDepartureAt: now.add(1, 'day').hour(12).minute(0), room: '', reason: undefined, tripRoute: '', tripDepartureAt: now, tripPlate: '' };
}

/** Guests of a queued notice back as drafts (to correct a refused notice). */
function draftsOf(guests: GuestInput[], labels: string[]): GuestDraft[] {
  return guests.map((input, index) => {
    const key = `r${Date.now().toString(36)}${index}`;
    const room = input.room;
    if ('qr' in input) {
      const card = previewCardQr(input.qr);
      return { key, source: 'card', input: { qr: input.qr }, name: card?.fullName ?? labels[index] ?? '', reference: card?.personId ?? '', room };
    }
    if ('appCode' in input) return { key, source: 'app', input: { appCode: input.appCode }, name: '', reference: `${input.appCode.slice(0, 12)}…`, room };
    if ('foreigner' in input) return { key, source: 'passport', input: { foreigner: input.foreigner }, name: input.foreigner.fullName, reference: `${input.foreigner.nationality} ${input.foreigner.passportNumber}`, room };
    return { key, source: 'particulars', input: { personId: input.personId, fullName: input.fullName, birthDate: input.birthDate }, name: input.fullName, reference: input.personId, room };
  });
}

export default function StayNotice() {
  const { t, i18n } = useTranslation('presence');
  const { message } = App.useApp();
  const { session } = useSession();
  const owner = session?.accountId;
  const outbox = useOutbox(owner);
  const place = useLoad((signal) => presenceApi.myGuests(signal), []);
  const [guests, setGuests] = useState<GuestDraft[]>([]);
  const [guestsError, setGuestsError] = useState<string>();
  const [lastId, setLastId] = useState<string>();
  const [viewing, setViewing] = useState<string>();
  // A new key after each notice starts the picker afresh (scan tab, no message about the previous guest).
  const [pickerKey, setPickerKey] = useState(0);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [form] = Form.useForm<NoticeForm>();
  const initial = useMemo(defaults, []);
  const establishment = place.data?.establishment;
  const bus = establishment?.kind === 'bus_operator';
  const guestWord = bus ? 'passenger' : 'guest';

  // A notice sent or a check-out recorded changes who is staying: the list follows the queue.
  const sentCount = outbox.items.filter((item) => item.state === 'sent').length;
  const reloadGuests = place.reload;
  const previousSent = useRef(sentCount);
  useEffect(() => {
    if (sentCount !== previousSent.current) {
      previousSent.current = sentCount;
      reloadGuests();
    }
  }, [sentCount, reloadGuests]);

  const addGuest = (guest: GuestDraft): string | undefined => {
    if (guests.some((existing) => sameGuest(existing, guest))) return t('guests.duplicate');
    if (guests.length >= 80) return t('guests.tooMany');
    setGuests((current) => [...current, guest]);
    setGuestsError(undefined);
    return undefined;
  };

  const submit = async () => {
    if (!owner) return;
    if (guests.length === 0) {
      setGuestsError(t(bus ? 'notice.noPassengers' : 'notice.noGuests'));
      return;
    }
    let values: NoticeForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body: Omit<StayNoticeRequest, 'requestId'> = {
      arrivalAt: values.arrivalAt.format(),
      ...(values.expectedDepartureAt ? { expectedDepartureAt: values.expectedDepartureAt.format() } : {}),
      ...(!bus && values.room?.trim() ? { room: values.room.trim() } : {}),
      ...(values.reason ? { reason: values.reason } : {}),
      guests: guests.map(guestPayload),
      ...(bus && values.tripDepartureAt
        ? { trip: { route: (values.tripRoute ?? '').trim(), departureAt: values.tripDepartureAt.format(), vehiclePlate: (values.tripPlate ?? '').trim().toUpperCase() } }
        : {}),
    };
    const item = enqueueNotice(owner, body, {
      guests: guests.length,
      labels: guests.map((guest) => (guest.source === 'app' ? t('guests.appGuest') : guest.name)),
      ...(body.room ? { room: body.room } : {}),
      ...(body.trip ? { trip: `${body.trip.route} · ${body.trip.vehiclePlate}` } : {}),
    });
    setLastId(item.id);
    setViewing(undefined);
    setGuests([]);
    setPickerKey((value) => value + 1);
    form.setFieldsValue(defaults());
    void outbox.flush(true);
  };

  const edit = (item: NoticeItem) => {
    if (!item.body) return;
    setGuests(draftsOf(item.body.guests, item.summary.labels));
    form.setFieldsValue({
      arrivalAt: dayjs(item.body.arrivalAt),
      expectedDepartureAt: item.body.expectedDepartureAt ? dayjs(item.body.expectedDepartureAt) : null,
      room: item.body.room ?? '',
      reason: item.body.reason,
      tripRoute: item.body.trip?.route ?? '',
      tripDepartureAt: item.body.trip ? dayjs(item.body.trip.departureAt) : null,
      tripPlate: item.body.trip?.vehiclePlate ?? '',
    });
    removeItem(item.id);
    void message.info(t('queue.editing'));
  };

  const shown = outbox.items.find((item) => item.id === (viewing ?? lastId));
  // The receipt (or where the notice waits) is brought into view whenever it changes.
  const shownState = shown ? `${shown.id}:${shown.state}` : '';
  useEffect(() => {
    if (shownState) outcomeRef.current?.scrollIntoView({ block: 'start' });
  }, [shownState]);
  const pendingCheckOuts = new Map(outbox.items.filter((item) => item.kind === 'checkout' && item.state !== 'sent').map((item) => [(item as { stayId: string }).stayId, item]));
  const checkedOut = new Set(outbox.items.filter((item) => item.kind === 'checkout' && item.state === 'sent').map((item) => (item as { stayId: string }).stayId));
  const currentGuests = (place.data?.guests ?? []).filter((guest) => !checkedOut.has(guest.stayId));
  const title = t(bus ? 'notice.titleBus' : 'notice.title');
  const language = i18n.language === 'en' ? 'en' : 'vi';

  return (
    <>
      <PageTitle
        title={title}
        extra={
          <Space wrap>
            {outbox.online ? (
              <Tag icon={<CloudOutlined aria-hidden />} color="success" data-testid="network-state" data-online="true">
                {t('network.online')}
              </Tag>
            ) : (
              <Tag icon={<DisconnectOutlined aria-hidden />} color="error" data-testid="network-state" data-online="false">
                {t('network.offline')}
              </Tag>
            )}
            <Tag color={outbox.waiting > 0 ? 'warning' : 'default'} data-testid="queue-count">
              {t('queue.count', { count: outbox.waiting })}
            </Tag>
          </Space>
        }
      >
        {title}
      </PageTitle>
      {establishment && (
        <Typography.Paragraph data-testid="establishment-name">
          <Typography.Text strong>{establishment.name}</Typography.Text> · {t(`kinds.${establishment.kind}`, { defaultValue: establishment.kind })} · {establishment.address}
        </Typography.Paragraph>
      )}
      <ProblemAlert error={place.error} onRetry={place.reload} />
      {!outbox.online && <Alert type="warning" showIcon role="status" style={{ marginBottom: 16 }} title={t('network.offlineTitle')} description={t('network.offlineDetail')} data-testid="offline-banner" />}
      {!outbox.persistent && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('queue.notPersistent')} />}
      {/* Above the form, full width: the receipt's table needs the room, and the desk looks for it first. */}
      <div aria-live="polite" data-testid="notice-outcome" ref={outcomeRef} style={{ marginBottom: shown?.kind === 'notice' ? 16 : 0, scrollMarginTop: 72 }}>
        {shown?.kind === 'notice' && <Outcome item={shown} language={language} />}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={13}>
          <Card title={<CardTitle>{t(bus ? 'notice.newBus' : 'notice.new')}</CardTitle>}>
            <GuestPicker key={pickerKey} onAdd={addGuest} online={outbox.online} guestWord={guestWord} />
            <section aria-labelledby="guest-list-heading" style={{ marginTop: 20 }}>
              <Typography.Title level={3} id="guest-list-heading" style={{ fontSize: 17 }}>
                {t(bus ? 'notice.passengerList' : 'notice.guestList', { count: guests.length })}
              </Typography.Title>
              {guestsError && <Alert type="error" showIcon title={guestsError} style={{ marginBottom: 8 }} role="alert" />}
              {guests.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(bus ? 'notice.emptyPassengers' : 'notice.emptyGuests')} />
              ) : (
                <ol style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }} data-testid="guest-list">
                  {guests.map((guest, index) => (
                    <li key={guest.key} data-testid="guest-item" style={{ border: '1px solid #d9dde3', borderRadius: 6, padding: '8px 12px', display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
                      <span style={{ flex: '1 1 200px', minWidth: 0 }}>
                        <Typography.Text strong>
                          {index + 1}. {guest.source === 'app' ? t('guests.appGuest') : guest.name}
                        </Typography.Text>{' '}
                        <Typography.Text className="mono" style={{ color: 'rgba(0,0,0,0.68)' }}>
                          {guest.reference}
                        </Typography.Text>{' '}
                        <Tag>{t(`guests.sources.${guest.source}`)}</Tag>
                      </span>
                      {!bus && (
                        <Input
                          value={guest.room ?? ''}
                          onChange={(event) => setGuests(guests.map((item) => (item.key === guest.key ? { ...item, room: event.target.value } : item)))}
                          placeholder={t('notice.guestRoom')}
                          aria-label={t('notice.guestRoomFor', { index: index + 1 })}
                          maxLength={20}
                          style={{ width: 110 }}
                        />
                      )}
                      <Button
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('notice.removeGuest', { index: index + 1 })}
                        onClick={() => setGuests(guests.filter((item) => item.key !== guest.key))}
                      />
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <Form<NoticeForm> form={form} name="notice" layout="vertical" initialValues={initial} style={{ marginTop: 20 }} data-testid="notice-form" requiredMark="optional">
              {bus && (
                <fieldset style={{ border: '1px solid #d9dde3', borderRadius: 6, padding: '8px 12px 0', marginBottom: 16 }}>
                  <legend style={{ fontSize: 15, fontWeight: 600, width: 'auto', padding: '0 4px', marginBottom: 0, border: 0 }}>{t('notice.trip')}</legend>
                  <Form.Item name="tripRoute" label={t('notice.route')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('notice.route') }) }, { max: 120 }]}>
                    <Input maxLength={120} placeholder={t('notice.routePlaceholder')} />
                  </Form.Item>
                  <Form.Item name="tripDepartureAt" label={t('notice.departure')} rules={[{ required: true, message: t('validation.required', { field: t('notice.departure') }) }]}>
                    <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item
                    name="tripPlate"
                    label={t('notice.plate')}
                    normalize={(value: string) => value.toUpperCase().replace(/\s+/g, '')}
                    rules={[{ required: true, message: t('validation.required', { field: t('notice.plate') }) }, { pattern: /^[0-9A-Z.-]{4,15}$/, message: t('validation.plate') }]}
                  >
                    <Input maxLength={15} placeholder="90B-123.45" style={{ width: 200 }} />
                  </Form.Item>
                </fieldset>
              )}
              {!bus && (
                <Form.Item name="room" label={t('notice.room')} extra={t('notice.roomHint')}>
                  <Input maxLength={20} style={{ width: 160 }} data-testid="notice-room" />
                </Form.Item>
              )}
              <Form.Item name="reason" label={t('notice.reason')}>
                <Select allowClear style={{ maxWidth: 280 }} options={STAY_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))} />
              </Form.Item>
              <Space wrap size={16} align="start">
                <Form.Item
                  name="arrivalAt"
                  label={t(bus ? 'notice.boardingAt' : 'notice.arrival')}
                  rules={[
                    { required: true, message: t('validation.required', { field: t('notice.arrival') }) },
                    { validator: async (_rule, value: Dayjs | undefined) => { if (value && value.isAfter(dayjs().add(1, 'hour'))) throw new Error(t('validation.arrivalFuture')); } },
                  ]}
                >
                  <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} style={{ width: 220 }} allowClear={false} />
                </Form.Item>
                <Form.Item
                  name="expectedDepartureAt"
                  label={t('notice.departureExpected')}
                  dependencies={['arrivalAt']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_rule, value: Dayjs | null | undefined) => {
                        const arrival = getFieldValue('arrivalAt') as Dayjs | undefined;
                        if (value && arrival && !value.isAfter(arrival)) throw new Error(t('validation.departureAfterArrival'));
                      },
                    }),
                  ]}
                >
                  <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} style={{ width: 220 }} />
                </Form.Item>
              </Space>
              <div>
                <Button type="primary" size="large" icon={<SendOutlined aria-hidden />} onClick={() => void submit()} data-testid="submit-notice" disabled={!owner}>
                  {t(bus ? 'notice.submitBus' : 'notice.submit', { count: guests.length })}
                </Button>
              </div>
              <Typography.Paragraph style={{ marginTop: 8, color: 'rgba(0,0,0,0.68)' }}>{t('notice.deadlineRule')}</Typography.Paragraph>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xxl={11}>
          <Card
            title={<CardTitle>{t('queue.title')}</CardTitle>}
            extra={
              <Button size="small" icon={<ReloadOutlined aria-hidden />} loading={outbox.sending} onClick={() => void outbox.flush(true)} disabled={outbox.waiting === 0} data-testid="send-now">
                {t('queue.sendNow')}
              </Button>
            }
          >
            <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.68)' }}>{t('queue.lead')}</Typography.Paragraph>
            <List<OutboxItem>
              itemLayout="vertical"
              data-testid="queue"
              dataSource={[...outbox.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('queue.empty')} /> }}
              renderItem={(item) => (
                <List.Item
                  data-testid="queue-item"
                  data-state={item.state}
                  actions={[
                    ...(item.kind === 'notice' && item.state === 'sent'
                      ? [
                          <Button key="view" size="small" onClick={() => setViewing(item.id)}>
                            {t('queue.viewReceipt')}
                          </Button>,
                        ]
                      : []),
                    ...(item.state === 'pending' || item.state === 'signin' || item.state === 'failed'
                      ? [
                          <Button
                            key="retry"
                            size="small"
                            onClick={() => {
                              retryItem(item.id);
                              void outbox.flush(true);
                            }}
                          >
                            {t('queue.retry')}
                          </Button>,
                        ]
                      : []),
                    ...(item.kind === 'notice' && item.state === 'failed'
                      ? [
                          <Button key="edit" size="small" icon={<EditOutlined aria-hidden />} onClick={() => edit(item)}>
                            {t('queue.edit')}
                          </Button>,
                        ]
                      : []),
                    ...(item.state !== 'sending'
                      ? [
                          <Popconfirm key="remove" title={item.state === 'sent' ? t('queue.forgetConfirm') : t('queue.removeConfirm')} okText={t('queue.remove')} cancelText={t('common.cancel')} onConfirm={() => removeItem(item.id)}>
                            <Button size="small" danger={item.state !== 'sent'} aria-label={t('queue.removeItem')} icon={<DeleteOutlined aria-hidden />} />
                          </Popconfirm>,
                        ]
                      : []),
                  ]}
                >
                  <div>
                    <div style={{ fontWeight: 600, marginBottom: 4 }}>
                      <Space wrap size={6}>
                        <StateTag state={item.state} />
                        <span>
                          {item.kind === 'notice'
                            ? t(item.summary.trip ? 'queue.noticeTrip' : 'queue.notice', { count: item.summary.guests, trip: item.summary.trip ?? '' })
                            : t('queue.checkOut', { name: item.guestName })}
                        </span>
                      </Space>
                    </div>
                    <div>
                      <span style={{ display: 'block', color: 'rgba(0,0,0,0.68)' }}>
                        {t('queue.queuedAt', { at: formatDateTime(item.createdAt) })}
                        {item.attempts > 0 && ` · ${t('queue.attempts', { count: item.attempts })}`}
                        {item.kind === 'notice' && item.receipt && ` · ${item.receipt.receiptCode}`}
                      </span>
                      {item.kind === 'notice' && item.state !== 'sent' && <span style={{ display: 'block' }}>{item.summary.labels.join(', ')}</span>}
                      {item.problem && item.state !== 'sent' && (
                        <span style={{ display: 'block', color: item.state === 'failed' ? '#b3261e' : 'rgba(0,0,0,0.78)' }} data-testid="queue-problem">
                          {problemText(item.problem, language, t)}
                        </span>
                      )}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </Card>
          <Card title={<CardTitle>{t(bus ? 'guestsNow.titleBus' : 'guestsNow.title', { count: currentGuests.length })}</CardTitle>} style={{ marginTop: 16 }}>
            <DataTable<CurrentGuest>
              testId="current-guests"
              caption={t('guestsNow.caption')}
              loading={place.loading}
              rows={currentGuests}
              rowKey={(guest) => guest.stayId}
              emptyText={t(bus ? 'guestsNow.emptyBus' : 'guestsNow.empty')}
              columns={[
                { key: 'name', title: t('receipt.guest'), render: (guest) => <Typography.Text strong>{guest.name}</Typography.Text> },
                { key: 'room', title: t('receipt.room'), render: (guest) => guest.room ?? '—' },
                { key: 'arrival', title: t('receipt.arrival'), render: (guest) => formatDateTime(guest.arrivalAt) },
                { key: 'departure', title: t('guestsNow.expectedDeparture'), render: (guest) => (guest.expectedDepartureAt ? formatDateTime(guest.expectedDepartureAt) : '—') },
                {
                  key: 'action',
                  title: t('guestsNow.action'),
                  render: (guest) =>
                    pendingCheckOuts.has(guest.stayId) ? (
                      <StateTag state={pendingCheckOuts.get(guest.stayId)!.state} label={t('guestsNow.checkOutQueued')} />
                    ) : (
                      <Popconfirm
                        title={t('guestsNow.checkOutConfirm', { name: guest.name })}
                        okText={t('guestsNow.checkOut')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => {
                          if (!owner) return;
                          enqueueCheckOut(owner, guest.stayId, guest.name);
                          void outbox.flush(true);
                        }}
                      >
                        <Button size="small" icon={<LogoutOutlined aria-hidden />} aria-label={t('guestsNow.checkOutOf', { name: guest.name })}>
                          {t('guestsNow.checkOut')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** What became of the notice just sent: its receipt, or where it waits and why. */
function Outcome({ item, language }: { item: NoticeItem; language: 'vi' | 'en' }) {
  const { t } = useTranslation('presence');
  const { signIn } = useSession();
  if (item.state === 'sent' && item.receipt) return <ReceiptView receipt={item.receipt} />;
  if (item.state === 'failed')
    return <Alert type="error" showIcon title={t('outcome.refused')} description={item.problem ? problemText(item.problem, language, t) : undefined} data-testid="outcome-refused" />;
  if (item.state === 'signin')
    return (
      <Alert
        type="warning"
        showIcon
        title={t('outcome.signIn')}
        data-testid="outcome-signin"
        action={
          <Button size="small" onClick={() => signIn()}>
            {t('outcome.signInAgain')}
          </Button>
        }
      />
    );
  return (
    <Alert
      type="info"
      showIcon
      title={item.state === 'sending' ? t('outcome.sending') : t('outcome.queued')}
      description={item.problem ? problemText(item.problem, language, t) : t('outcome.queuedDetail')}
      data-testid="outcome-queued"
    />
  );
}
