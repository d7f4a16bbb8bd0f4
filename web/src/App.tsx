import { useEffect, useState } from 'react';

type Health = { status: string; database?: string } | { error: string };

/** The shell until the role screens arrive: platform status and where the API is documented. */
export function App() {
  const [health, setHealth] = useState<Health | undefined>();
  useEffect(() => {
    fetch('/readyz')
      .then(async (response) => setHealth(await response.json()))
      .catch(() => setHealth({ error: 'offline' }));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '2rem auto', padding: '0 1rem' }}>
      <h1>DA06 — Nền tảng số Đề án 06</h1>
      <p>Dữ liệu dân cư, định danh và xác thực điện tử phục vụ 43 mô hình của thị xã.</p>
      <p lang="en">Population data, electronic identification and the 43 models of the town's Project 06 plan.</p>
      <p role="status">
        Trạng thái / status: <strong>{health === undefined ? '…' : 'error' in health ? health.error : `${health.status} (${health.database})`}</strong>
      </p>
      <p>
        <a href="/api/docs">Tài liệu API / API documentation</a>
      </p>
    </main>
  );
}
