import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging/client';

export function App() {
  const [version, setVersion] = useState<string>();
  useEffect(() => {
    void sendMessage('ping', {}).then((r) => setVersion(r.version));
  }, []);
  return (
    <main>
      <h1>Report Courier</h1>
      <p data-testid="status">{version ? `Ready (v${version})` : 'Connecting…'}</p>
    </main>
  );
}
