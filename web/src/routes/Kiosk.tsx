import { PendingScreen } from '../components/PendingScreen.tsx';

export default function Kiosk() {
  return <PendingScreen areaKey="kiosk" />;
}
