import { PendingScreen } from '../components/PendingScreen.tsx';

export default function AdminClients() {
  return <PendingScreen areaKey="adminClients" />;
}
