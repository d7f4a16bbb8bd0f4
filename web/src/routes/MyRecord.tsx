import { PendingScreen } from '../components/PendingScreen.tsx';

export default function MyRecord() {
  return <PendingScreen areaKey="myRecord" />;
}
