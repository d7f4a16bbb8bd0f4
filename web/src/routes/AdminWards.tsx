import { PendingScreen } from '../components/PendingScreen.tsx';

export default function AdminWards() {
  return <PendingScreen areaKey="adminWards" />;
}
