import { PendingScreen } from '../components/PendingScreen.tsx';

export default function RegistrySearch() {
  return <PendingScreen areaKey="registrySearch" />;
}
