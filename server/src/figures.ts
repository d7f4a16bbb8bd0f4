/**
 * The plan's live figures (module plan, section V of the town's plan), computed by the modules that hold the data.
 * Composition code: the plan module imports no other module, so the providers are built here from their services.
 */
import type { FigureProvider } from './modules/plan/index.ts';
import type { PresenceService } from './modules/presence/index.ts';
import type { RegistryService } from './modules/registry/index.ts';

const LODGING = ['hotel', 'guesthouse', 'homestay'];

export function liveFigures(services: { registry: RegistryService; presence: PresenceService; currentMonth: () => string }): FigureProvider[] {
  const noticesOf = (kinds: string[]) => async (month: string) => {
    const activity = await services.presence.monthlyActivity(month);
    return activity.notices.filter((row) => kinds.includes(row.kind)).reduce((sum, row) => sum + row.notices, 0);
  };
  return [
    {
      key: 'registry.eid_level2_share',
      modelNumbers: [23],
      label: { vi: 'Tỷ lệ công dân từ 14 tuổi có tài khoản định danh điện tử mức 2 (hiện tại)', en: 'Share of residents aged 14+ with a level-2 e-ID account (now)' },
      unit: '%',
      // The registry keeps today's levels, not their history: only the current month has a value.
      async compute(month) {
        if (month !== services.currentMonth()) return null;
        const coverage = await services.registry.eIdCoverage();
        return coverage.residents === 0 ? null : Number(((coverage.level2 / coverage.residents) * 100).toFixed(1));
      },
    },
    {
      key: 'presence.establishments_notifying',
      modelNumbers: [9],
      label: { vi: 'Số cơ sở lưu trú du lịch gửi thông báo lưu trú trong tháng', en: 'Tourist lodgings that sent stay notices this month' },
      unit: 'cơ sở',
      async compute(month) {
        const activity = await services.presence.monthlyActivity(month);
        return activity.notices.filter((row) => LODGING.includes(row.kind)).reduce((sum, row) => sum + row.establishments, 0);
      },
    },
    {
      key: 'presence.stay_notices',
      modelNumbers: [9, 10, 11, 12],
      label: { vi: 'Số thông báo lưu trú trong tháng (khách sạn, nhà trọ, bệnh viện, xe khách)', en: 'Stay notices this month (lodgings, rentals, hospitals, buses)' },
      unit: 'thông báo',
      compute: noticesOf(['hotel', 'guesthouse', 'homestay', 'dormitory', 'rental_rooms', 'household', 'hospital', 'bus_operator']),
    },
    {
      key: 'presence.gate_entries',
      modelNumbers: [13, 14, 15],
      label: { vi: 'Số lượt ra/vào được kiểm soát bằng CCCD/VNeID trong tháng', en: 'Entries controlled with the ID card or VNeID this month' },
      unit: 'lượt',
      async compute(month) {
        return (await services.presence.monthlyActivity(month)).entries;
      },
    },
  ];
}
