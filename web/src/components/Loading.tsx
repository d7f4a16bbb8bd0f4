import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin />
      <span style={{ marginLeft: 12 }}>{t('common.loading')}</span>
    </div>
  );
}
