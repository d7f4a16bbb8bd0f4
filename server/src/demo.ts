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

/**
 * TOTP secret of every demo staff account (RFC 6238; published, like the demo passwords): add it to an authenticator
 * app, or compute codes in scripts.
 */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPDAZSDEMOTOTPKEYQ';

/**
 * Establishments of the demo town (approved): the demo host, bus operator and gate accounts act for them. `kind` is
 * presence's kind of place, `accountKind` identity's kind of business account.
 */
export const DEMO_ESTABLISHMENTS = [
  { id: 'CS-13324-DE000001', kind: 'hotel', accountKind: 'hotel', name: 'Khách sạn Hoa Sen (demo)', address: 'Số 12 đường Lê Công Thanh, Phường Duy Tiên', wardCode: '13324', capacity: 40 },
  { id: 'CS-13330-DE000002', kind: 'bus_operator', accountKind: 'bus_operator', name: 'Nhà xe Duy Tân – Lào Cai (demo)', address: 'Bến xe Hòa Mạc, Phường Duy Tân', wardCode: '13330', capacity: 45 },
  { id: 'CS-13348-DE000003', kind: 'industrial_park_gate', accountKind: 'site_gate', name: 'Cổng Khu công nghiệp Đồng Văn II (demo)', address: 'Khu công nghiệp Đồng Văn II, Phường Đồng Văn', wardCode: '13348', capacity: 5000 },
] as const;

/** One account per role, with published passwords: demo only (identity refuses to start production while one exists). */
export const DEMO_ACCOUNTS = [
  { key: 'citizen1', label: 'công dân mức 1 / citizen, level 1', kind: 'citizen', roles: ['citizen'], password: 'demo-congdan-1', eIdLevel: 1, phone: '0900000001' },
  { key: 'citizen2', label: 'công dân mức 2 / citizen, level 2', kind: 'citizen', roles: ['citizen'], password: 'demo-congdan-2', eIdLevel: 2, phone: '0900000002' },
  { key: 'demo.congan', label: 'công an / police', kind: 'staff', roles: ['police'], password: 'demo-congan-2026', wards: ['13324', '13330'], displayName: 'Công an phường (demo)' },
  { key: 'demo.motcua', label: 'cán bộ một cửa / one-stop officer', kind: 'staff', roles: ['one_stop_officer'], password: 'demo-motcua-2026', wards: ['13324'], displayName: 'Cán bộ một cửa (demo)' },
  { key: 'demo.khachsan', label: 'cơ sở lưu trú / host', kind: 'business', roles: ['host'], password: 'demo-khachsan-2026', displayName: 'Khách sạn Hoa Sen (demo)', establishment: DEMO_ESTABLISHMENTS[0] },
  { key: 'demo.nhaxe', label: 'nhà xe khách / bus operator', kind: 'business', roles: ['host'], password: 'demo-nhaxe-2026', displayName: 'Nhà xe Duy Tân – Lào Cai (demo)', establishment: DEMO_ESTABLISHMENTS[1] },
  { key: 'demo.congkcn', label: 'cổng kiểm soát / gate operator', kind: 'business', roles: ['checkpoint_operator'], password: 'demo-congkcn-2026', displayName: 'Cổng KCN Đồng Văn II (demo)', establishment: DEMO_ESTABLISHMENTS[2] },
  { key: 'demo.baocao', label: 'cán bộ báo cáo (Phòng Y tế) / unit reporter', kind: 'staff', roles: ['unit_reporter'], password: 'demo-baocao-2026', wards: [], displayName: 'Cán bộ Phòng Y tế (demo)', unitId: 'phong-y-te' },
  { key: 'demo.soc', label: 'giám sát an ninh (SOC) / security analyst', kind: 'staff', roles: ['soc_analyst'], password: 'demo-soc-2026', wards: ['*'], displayName: 'Trung tâm SOC (demo)' },
  { key: 'demo.lanhdao', label: 'lãnh đạo / leader', kind: 'staff', roles: ['leader'], password: 'demo-lanhdao-2026', wards: ['*'], displayName: 'Lãnh đạo thị xã (demo)' },
  { key: 'demo.thuky', label: 'thư ký tổ công tác / working-group secretary', kind: 'staff', roles: ['working_group_secretary'], password: 'demo-thuky-2026', wards: ['*'], displayName: 'Thư ký Tổ công tác Đề án 06 (demo)' },
  { key: 'demo.quantri', label: 'quản trị / administrator', kind: 'staff', roles: ['admin'], password: 'demo-quantri-2026', wards: ['*'], displayName: 'Quản trị hệ thống (demo)' },
] as const;

/** Creates the demo accounts (once) and prints them; citizens are the first two adults of ward 13324 in the seed. */
export async function prepareDemoAccounts(kernel: Kernel, app: App): Promise<Array<{ label: string; username: string; password: string }>> {
  for (const { accountKind: _accountKind, ...establishment } of DEMO_ESTABLISHMENTS) await app.services.presence.ensureEstablishment(establishment);
  const adults = await kernel.db.query<{ person_id: string; full_name: string }>(
    `SELECT person_id, full_name FROM registry.person
      WHERE status = 'living' AND ward_code = '13324' AND birth_date BETWEEN '1960-01-01' AND '2000-12-31' ORDER BY person_id LIMIT 2`,
  );
  const printed: Array<{ label: string; username: string; password: string }> = [];
  for (const account of DEMO_ACCOUNTS) {
    if (account.kind === 'citizen') {
      const person = adults[account.key === 'citizen1' ? 0 : 1];
      if (!person) continue;
      await app.services.identity.ensureDemoAccount({
        username: person.person_id,
        kind: 'citizen',
        displayName: person.full_name,
        password: account.password,
        roles: [...account.roles],
        personId: person.person_id,
        eIdLevel: account.eIdLevel,
        phone: account.phone,
      });
      printed.push({ label: account.label, username: person.person_id, password: account.password });
      continue;
    }
    await app.services.identity.ensureDemoAccount({
      username: account.key,
      kind: account.kind,
      displayName: account.displayName,
      password: account.password,
      roles: [...account.roles],
      ...('wards' in account ? { wards: [...account.wards] } : {}),
      ...('unitId' in account ? { unitId: account.unitId } : {}),
      ...(account.kind === 'staff' ? { totpSecret: DEMO_TOTP_SECRET } : { establishmentId: account.establishment.id, establishmentKind: account.establishment.accountKind }),
    });
    printed.push({ label: account.label, username: account.key, password: account.password });
  }
  return printed;
}

export async function prepareDemo(kernel: Kernel, app: App): Promise<void> {
  const { config } = kernel;
  if (config.nodeEnv === 'production' || config.demoResidents === 0) return;
  const [row] = await kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM registry.person');
  if (row!.n === 0) await seedDemoTown(kernel, config.demoResidents);
  const accounts = await prepareDemoAccounts(kernel, app);
  process.stderr.write(
    `\nDA06 demo — tài khoản chỉ để trình diễn, mật khẩu công khai / demo accounts only, published passwords ` +
      `(NODE_ENV=production refuses to start while they exist). Đăng nhập / sign in: ${config.publicUrl}/auth/login\n` +
      accounts.map((account) => `  ${account.label.padEnd(46)} ${account.username.padEnd(16)} ${account.password}`).join('\n') +
      `\n  Cán bộ: mã TOTP từ khóa bí mật / staff: TOTP codes from the secret ${DEMO_TOTP_SECRET}` +
      ` (otpauth://totp/DA06:demo?secret=${DEMO_TOTP_SECRET}&issuer=DA06)\n`,
  );
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
