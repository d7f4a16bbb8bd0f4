/**
 * The demo town: on the first start of an empty database (outside production), `npm start` seeds the synthetic
 * population of the Duy Tiên wards and prints how to sign in. Demo credentials are for demonstration only.
 */
import type { App } from './app.ts';
import { vietnamDate } from './kernel/clock.ts';
import type { Kernel } from './kernel/kernel.ts';
import { createProgressBar } from './kernel/progress.ts';
import { seedTown } from './modules/registry/index.ts';

export const DEMO_SEED = 2023_08_06;

export async function seedDemoTown(kernel: Kernel, residents: number, seed = DEMO_SEED): Promise<void> {
  const bar = createProgressBar(residents, 'công dân / residents');
  const result = await seedTown(kernel.db, {
    residents,
    seed,
    today: vietnamDate(kernel.clock.now()),
    onProgress: (progress) => bar.update(progress.residents, progress.phase === 'indexes' ? 'đang tạo chỉ mục / building indexes' : ''),
  });
  bar.finish(
    `Đã tạo thị xã mẫu / demo town seeded: ${result.residents.toLocaleString('vi-VN')} công dân, ${result.households.toLocaleString('vi-VN')} hộ, ` +
      `${result.cards.toLocaleString('vi-VN')} thẻ, ${result.wanted} người bị truy tìm — ${result.seconds.toFixed(1)} s (${kernel.db.engine}).`,
  );
}

export async function prepareDemo(kernel: Kernel, _app: App): Promise<void> {
  const { config } = kernel;
  if (config.nodeEnv === 'production' || config.demoResidents === 0) return;
  const [row] = await kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM registry.person');
  if (row!.n === 0) await seedDemoTown(kernel, config.demoResidents);
  const tokens = await Promise.all(
    (
      [
        ['police', ['13324', '13330']],
        ['host', []],
        ['checkpoint_operator', []],
        ['soc_analyst', []],
        ['admin', ['*']],
      ] as const
    ).map(async ([role, wards]) => [role, await kernel.tokens.issue({ sub: `demo:${role}`, roles: [role], wards: [...wards] })] as const),
  );
  process.stderr.write(
    `\nDA06 demo — chỉ để trình diễn / demo only. Mã truy cập (12 giờ) / access tokens (12 h) for ${config.publicUrl}/api/docs:\n` +
      tokens.map(([role, token]) => `  ${role.padEnd(20)} ${token}`).join('\n') +
      '\n\n',
  );
}
