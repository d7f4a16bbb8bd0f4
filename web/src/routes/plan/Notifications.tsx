/** The plan's reminders for the signed-in reporter's unit or for the standing agency, all of them, page by page. */
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PlanNotifications } from '../../features/plan/Notifications.tsx';

export default function NotificationsScreen() {
  const { t } = useTranslation('plan');
  const title = t('notifications.screenTitle');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <PlanNotifications pageSize={20} />
    </>
  );
}
