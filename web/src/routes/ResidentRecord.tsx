import { PendingScreen } from '../components/PendingScreen.tsx';

export default function ResidentRecord() {
  return <PendingScreen areaKey="residentRecord" />;
}
