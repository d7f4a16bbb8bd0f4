import { PendingScreen } from '../components/PendingScreen.tsx';

export default function AdminRoles() {
  return <PendingScreen areaKey="adminRoles" />;
}
