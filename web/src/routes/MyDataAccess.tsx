import { PendingScreen } from '../components/PendingScreen.tsx';

export default function MyDataAccess() {
  return <PendingScreen areaKey="myDataAccess" />;
}
