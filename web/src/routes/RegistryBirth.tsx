import { PendingScreen } from '../components/PendingScreen.tsx';

export default function RegistryBirth() {
  return <PendingScreen areaKey="registryBirth" />;
}
