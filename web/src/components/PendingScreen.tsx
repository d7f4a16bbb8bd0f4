import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from './PageTitle.tsx';

/** Shell stage only: a screen whose content lands in a following commit. */
export function PendingScreen({ areaKey }: { areaKey: string }) {
  const { t } = useTranslation();
  const title = t(`nav.${areaKey}`);
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Alert type="info" showIcon title={t('common.pending')} />
    </>
  );
}
