/**
 * Adding guests to a notice, the four ways a desk meets them: the card's QR (a keyboard-wedge scanner typing into the
 * focused field and pressing Enter, a paste, or the phone's camera — the shell's ScannerInput), the citizen app's
 * one-time code (scanned the same way), the particulars typed from the card, or a foreigner's passport.
 */
import { Alert, AutoComplete, Button, Form, Input, Radio } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { ScannerInput, type ScannerInputHandle } from '../../components/ScannerInput.tsx';
import type { ForeignerInput } from './api.ts';
import { COMMON_NATIONALITIES, guestFromParticulars, guestFromPassport, guestFromScan, type GuestDraft } from './guests.ts';

type Method = 'scan' | 'particulars' | 'passport';

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;

export function GuestPicker({ onAdd, online, guestWord }: { onAdd: (guest: GuestDraft) => string | undefined; online: boolean; guestWord: 'guest' | 'passenger' }) {
  const { t } = useTranslation('presence');
  const [method, setMethod] = useState<Method>('scan');
  const [feedback, setFeedback] = useState<{ type: 'success' | 'error' | 'warning'; text: string }>();
  const scanner = useRef<ScannerInputHandle>(null);
  const [particulars] = Form.useForm<{ personId: string; fullName: string; birthDate: string }>();
  const [passport] = Form.useForm<ForeignerInput>();

  const add = (guest: GuestDraft): boolean => {
    const refused = onAdd(guest);
    if (refused) {
      setFeedback({ type: 'error', text: refused });
      return false;
    }
    const who = guest.source === 'app' ? t('guests.appGuest') : `${guest.name} (${guest.reference})`;
    setFeedback(
      guest.source === 'app' && !online
        ? { type: 'warning', text: t('guests.appOffline', { who }) }
        : { type: 'success', text: t(guestWord === 'passenger' ? 'guests.addedPassenger' : 'guests.added', { who }) },
    );
    return true;
  };

  return (
    <>
      <Radio.Group
        optionType="button"
        value={method}
        onChange={(event) => {
          setMethod(event.target.value as Method);
          setFeedback(undefined);
        }}
        aria-label={t('guests.method')}
        data-testid="guest-method"
        style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginBottom: 16 }}
        options={[
          { value: 'scan', label: t('guests.tabScan') },
          { value: 'particulars', label: t('guests.tabParticulars') },
          { value: 'passport', label: t('guests.tabPassport') },
        ]}
      />
      {method === 'scan' && (
        <ScannerInput
          ref={scanner}
          id="guest-scan"
          label={t('guests.scanLabel')}
          onScan={(text) => {
            const outcome = guestFromScan(text);
            if ('problem' in outcome) setFeedback({ type: 'error', text: t('guests.unreadable') });
            else add(outcome.guest);
            scanner.current?.focus();
          }}
        />
      )}
      {method === 'particulars' && (
        <Form
          form={particulars}
          name="guest"
          layout="vertical"
          data-testid="particulars-form"
          onFinish={(values) => {
            if (add(guestFromParticulars(values))) particulars.resetFields();
          }}
        >
          <Form.Item name="personId" label={t('guests.personId')} rules={[{ required: true, message: t('validation.required', { field: t('guests.personId') }) }, { pattern: /^\d{12}$/, message: t('validation.personId') }]}>
            <Input inputMode="numeric" maxLength={12} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="fullName"
            label={t('guests.fullName')}
            rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('guests.fullName') }) }, { pattern: NAME, message: t('validation.name') }]}
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <Form.Item name="birthDate" label={t('guests.birthDate')} rules={[{ required: true, message: t('validation.required', { field: t('guests.birthDate') }) }]}>
            <DateField notAfterToday />
          </Form.Item>
          <Button htmlType="submit" data-testid="add-particulars">
            {t(guestWord === 'passenger' ? 'guests.addPassenger' : 'guests.add')}
          </Button>
        </Form>
      )}
      {method === 'passport' && (
        <Form
          form={passport}
          name="passport"
          layout="vertical"
          data-testid="passport-form"
          initialValues={{ sex: 'male' }}
          onFinish={(values) => {
            if (add(guestFromPassport(values))) passport.resetFields();
          }}
        >
          <Form.Item
            name="passportNumber"
            label={t('guests.passportNumber')}
            rules={[{ required: true, message: t('validation.required', { field: t('guests.passportNumber') }) }, { pattern: /^[A-Za-z0-9]{5,20}$/, message: t('validation.passport') }]}
          >
            <Input maxLength={20} autoComplete="off" style={{ textTransform: 'uppercase' }} />
          </Form.Item>
          <Form.Item
            name="nationality"
            label={t('guests.nationality')}
            extra={t('guests.nationalityHint')}
            rules={[{ required: true, message: t('validation.required', { field: t('guests.nationality') }) }, { pattern: /^[A-Za-z]{3}$/, message: t('validation.nationality') }]}
          >
            <AutoComplete
              options={COMMON_NATIONALITIES.map((code) => ({ value: code, label: `${code} — ${t(`nationalities.${code}`, { defaultValue: code })}` }))}
              filterOption={(input, option) => `${option?.value ?? ''} ${String(option?.label ?? '')}`.toLowerCase().includes(input.toLowerCase())}
              style={{ maxWidth: 280 }}
            />
          </Form.Item>
          <Form.Item
            name="fullName"
            label={t('guests.passportName')}
            rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('guests.passportName') }) }, { pattern: NAME, message: t('validation.name') }]}
          >
            <Input maxLength={120} autoComplete="off" />
          </Form.Item>
          <Form.Item name="birthDate" label={t('guests.birthDate')} rules={[{ required: true, message: t('validation.required', { field: t('guests.birthDate') }) }]}>
            <DateField notAfterToday />
          </Form.Item>
          <Form.Item name="sex" label={t('guests.sex')}>
            <Radio.Group aria-label={t('guests.sex')} options={[{ value: 'male', label: t('guests.male') }, { value: 'female', label: t('guests.female') }]} />
          </Form.Item>
          <Form.Item name="visaNumber" label={t('guests.visaNumber')} rules={[{ pattern: /^[A-Za-z0-9-]{3,30}$/, message: t('validation.visa') }]}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
          <Form.Item name="entryDate" label={t('guests.entryDate')}>
            <DateField notAfterToday />
          </Form.Item>
          <Button htmlType="submit" data-testid="add-passport">
            {t(guestWord === 'passenger' ? 'guests.addPassenger' : 'guests.add')}
          </Button>
        </Form>
      )}
      <div aria-live="polite" data-testid="guest-feedback" style={{ marginTop: 12 }}>
        {feedback && <Alert type={feedback.type} showIcon title={feedback.text} />}
      </div>
    </>
  );
}
