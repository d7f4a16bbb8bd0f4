import { PendingScreen } from '../components/PendingScreen.tsx';

export default function MyQr() {
  return <PendingScreen areaKey="myQr" />;
}
