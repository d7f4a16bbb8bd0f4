/**
 * A form in a dialog for one state-changing action: validation messages beside the fields, the server's problem
 * document above them (and its per-field messages on the fields), a single idempotency key per opening so that a
 * double click or a retry after a timeout records the action once.
 */
import { Form, Modal, type FormInstance } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, newRequestId } from '../api.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

export function ActionModal<T extends object>({
  open,
  title,
  okText,
  onClose,
  onSubmit,
  children,
  initialValues,
  danger,
  testId,
}: {
  open: boolean;
  title: string;
  okText: string;
  onClose: () => void;
  /** Receives the form values and this opening's request id; resolves when the action is recorded. */
  onSubmit: (values: T, requestId: string) => Promise<void>;
  children: (form: FormInstance<T>) => ReactNode;
  initialValues?: Partial<T>;
  danger?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const requestId = useMemo(() => (open ? newRequestId() : ''), [open]);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(undefined);
    }
  }, [open, form]);

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(values, requestId);
      onClose();
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
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ danger, 'data-testid': testId ? `${testId}-submit` : undefined } as never}
      destroyOnHidden
      width={560}
    >
      <ProblemAlert error={error} />
      <Form<T> form={form} layout="vertical" initialValues={initialValues} data-testid={testId} onFinish={() => void submit()}>
        {children(form)}
      </Form>
    </Modal>
  );
}
