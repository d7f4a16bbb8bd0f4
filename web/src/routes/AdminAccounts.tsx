import { PendingScreen } from '../components/PendingScreen.tsx';

export default function AdminAccounts() {
  return <PendingScreen areaKey="adminAccounts" />;
}
