import { PendingScreen } from '../components/PendingScreen.tsx';

export default function Verify() {
  return <PendingScreen areaKey="verify" />;
}
