import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle.tsx';

export default function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle title={t('notFound.title')}>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.lead')}</p>
      <Button type="primary" onClick={() => navigate('/')}>
        {t('nav.home')}
      </Button>
    </>
  );
}
