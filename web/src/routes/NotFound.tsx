import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle.tsx';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('notFound.title')}>{t('notFound.title')}</PageTitle>
      <Result
        status="404"
        subTitle={t('notFound.lead')}
        extra={
          <Link to="/">
            <Button type="primary">{t('nav.home')}</Button>
          </Link>
        }
      />
    </>
  );
}
