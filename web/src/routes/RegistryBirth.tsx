/**
 * Police registry: register a birth. The child joins the mother's (or father's) household, or a household given by
 * its code, or an address in one of the officer's wards (registry BIRTH_NEEDS_HOUSEHOLD).
 */
import { Button, Card, Form, Input, Radio, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { newRequestId } from '../api.ts';
import { DateField } from '../components/DateField.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { ApiProblem } from '../api.ts';
import { registryApi } from '../features/registry/api.ts';
import { rules } from '../features/registry/rules.ts';
import { WardInput } from '../features/registry/WardInput.tsx';

interface BirthForm {
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  motherId?: string;
  fatherId?: string;
  householdId?: string;
  wardCode?: string;
  address?: string;
  ethnicity?: string;
  religion?: string;
}

export default function RegistryBirth() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<BirthForm>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // One key per form: pressing "Ghi nhận" twice, or again after a lost answer, registers one child.
  const requestId = useMemo(() => newRequestId(), []);
  const check = rules(t);
  const needsPlace = (values: Partial<BirthForm>) => !values.motherId && !values.fatherId && !values.householdId;

  const submit = async (values: BirthForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const body: Record<string, unknown> = { requestId, fullName: values.fullName.trim().normalize('NFC'), birthDate: values.birthDate, sex: values.sex };
      for (const key of ['motherId', 'fatherId', 'householdId', 'wardCode', 'address', 'ethnicity', 'religion'] as const) {
        const value = values[key]?.trim();
        if (value) body[key] = value;
      }
      const result = await registryApi.recordBirth(body);
      navigate(`/registry/residents/${result.personId}`);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiProblem) {
        const fields = Object.entries(caught.fieldErrors()).map(([name, message]) => ({ name, errors: [message] }));
        if (fields.length > 0) form.setFields(fields as never);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title={t('nav.registryBirth')}>{t('nav.registryBirth')}</PageTitle>
      <Card style={{ maxWidth: 720 }}>
        <ProblemAlert error={error} />
        <Form<BirthForm> form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ sex: 'female' }} data-testid="birth-form" scrollToFirstError>
          <Form.Item name="fullName" label={t('registry.fields.fullName')} rules={[check.required(t('registry.fields.fullName')), check.name()]}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <Space wrap size={24} align="start">
            <Form.Item name="birthDate" label={t('registry.fields.birthDate')} rules={[check.required(t('registry.fields.birthDate')), check.notFuture()]}>
              <DateField notAfterToday />
            </Form.Item>
            <Form.Item name="sex" label={t('registry.fields.sex')}>
              <Radio.Group
                options={[
                  { value: 'female', label: t('registry.sex.female') },
                  { value: 'male', label: t('registry.sex.male') },
                ]}
              />
            </Form.Item>
          </Space>
          <Space wrap size={24} align="start">
            <Form.Item name="motherId" label={t('registry.fields.motherId')} rules={[check.personId()]}>
              <Input inputMode="numeric" maxLength={12} autoComplete="off" style={{ maxWidth: 240 }} />
            </Form.Item>
            <Form.Item name="fatherId" label={t('registry.fields.fatherId')} rules={[check.personId()]}>
              <Input inputMode="numeric" maxLength={12} autoComplete="off" style={{ maxWidth: 240 }} />
            </Form.Item>
          </Space>
          <Form.Item name="householdId" label={t('registry.fields.householdId')} extra={t('registry.birth.householdHint')} rules={[check.household()]}>
            <Input maxLength={40} autoComplete="off" style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item
            name="wardCode"
            label={t('registry.fields.ward')}
            dependencies={['motherId', 'fatherId', 'householdId']}
            rules={[check.ward(), ({ getFieldsValue }) => ({ required: needsPlace(getFieldsValue()), message: t('validation.birthNeedsHousehold') })]}
          >
            <WardInput />
          </Form.Item>
          <Form.Item
            name="address"
            label={t('registry.fields.address')}
            dependencies={['motherId', 'fatherId', 'householdId']}
            rules={[check.address(), ({ getFieldsValue }) => ({ required: needsPlace(getFieldsValue()), message: t('validation.birthNeedsHousehold') })]}
          >
            <Input maxLength={300} autoComplete="off" />
          </Form.Item>
          <Space wrap size={24} align="start">
            <Form.Item name="ethnicity" label={t('registry.fields.ethnicity')} extra={t('registry.birth.defaultEthnicity')}>
              <Input maxLength={40} autoComplete="off" style={{ maxWidth: 240 }} />
            </Form.Item>
            <Form.Item name="religion" label={t('registry.fields.religion')} extra={t('registry.birth.defaultReligion')}>
              <Input maxLength={40} autoComplete="off" style={{ maxWidth: 240 }} />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="birth-submit">
            {t('registry.actions.recordBirth')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
