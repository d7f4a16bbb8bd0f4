/**
 * Live figures: numbers the platform computes itself, bound to the plan's models.
 *
 * The plan module imports no other module (DESIGN.md §2): the composition root (modules.ts) builds a FigureProvider
 * from another module's service and passes it in. A provider that fails or times out gives no value (null) and an
 * error note; a report is never blocked by a figure.
 */
import type { Month } from './report-deadline.ts';

export interface FigureProvider {
  /** Stable key, module first: "registry.eid_level2_share". */
  key: string;
  /** The models the figure belongs to. */
  modelNumbers: number[];
  label: { vi: string; en: string };
  /** Unit of measure, as printed after the value: "%", "cơ sở", "thông báo". */
  unit: string;
  /** The figure for a month; null when the module has nothing for that month. */
  compute(month: Month): Promise<number | null>;
}

export interface LiveFigure {
  key: string;
  label: { vi: string; en: string };
  unit: string;
  value: number | null;
  error: string | null;
}

/** A figure the plan calls for, whose module is not built yet (DESIGN.md §1 lists which module will provide it). */
export interface PlannedFigure {
  key: string;
  modelNumbers: number[];
  module: string;
  label: { vi: string; en: string };
  unit: string;
}

export const PLANNED_FIGURES: readonly PlannedFigure[] = [
  {
    key: 'registry.eid_level2_share',
    modelNumbers: [23],
    module: 'registry',
    label: { vi: 'Tỷ lệ người dân từ 14 tuổi có tài khoản định danh điện tử mức 2', en: 'Share of residents aged 14+ with a level-2 e-ID account' },
    unit: '%',
  },
  {
    key: 'presence.establishments_notifying',
    modelNumbers: [9],
    module: 'presence',
    label: { vi: 'Số cơ sở lưu trú gửi thông báo lưu trú trong tháng', en: 'Establishments that sent stay notices this month' },
    unit: 'cơ sở',
  },
  {
    key: 'presence.stay_notices',
    modelNumbers: [9, 10, 11, 12],
    module: 'presence',
    label: { vi: 'Số thông báo lưu trú trong tháng', en: 'Stay notices this month' },
    unit: 'thông báo',
  },
  {
    key: 'presence.gate_entries',
    modelNumbers: [13, 14, 15],
    module: 'presence',
    label: { vi: 'Số lượt ra/vào được kiểm soát trong tháng', en: 'Controlled entries this month' },
    unit: 'lượt',
  },
  {
    key: 'checkpoint.verifications',
    modelNumbers: [6, 7, 8, 16, 17, 21],
    module: 'checkpoint',
    label: { vi: 'Số lượt xác thực danh tính tại điểm tiếp nhận trong tháng', en: 'Identity checks at counters this month' },
    unit: 'lượt',
  },
  {
    key: 'services.paperless_dossiers',
    modelNumbers: [1, 2, 3, 5],
    module: 'services',
    label: { vi: 'Số hồ sơ dịch vụ công không dùng giấy trong tháng', en: 'Paperless public-service dossiers this month' },
    unit: 'hồ sơ',
  },
  {
    key: 'wallet.documents_issued',
    modelNumbers: [4, 32, 33, 34],
    module: 'wallet',
    label: { vi: 'Số giấy tờ điện tử được cấp vào ví trong tháng', en: 'Electronic documents issued to wallets this month' },
    unit: 'giấy tờ',
  },
  {
    key: 'sector.records_reconciled',
    modelNumbers: [20, 34, 35, 36],
    module: 'sector',
    label: { vi: 'Số bản ghi dữ liệu chuyên ngành đã được "làm sạch"', en: 'Sector records reconciled with the registry' },
    unit: 'bản ghi',
  },
  {
    key: 'exchange.data_service_calls',
    modelNumbers: [25],
    module: 'exchange',
    label: { vi: 'Số lượt khai thác dữ liệu qua nền tảng chia sẻ trong tháng', en: 'Data-sharing calls this month' },
    unit: 'lượt',
  },
  {
    key: 'audit.security_alerts',
    modelNumbers: [42],
    module: 'audit',
    label: { vi: 'Số cảnh báo an ninh thông tin trong tháng', en: 'Security alerts this month' },
    unit: 'cảnh báo',
  },
];

const KEY = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

/** Refuses a provider list that would confuse reports: bad or duplicate keys, unknown model numbers. */
export function checkProviders(providers: readonly FigureProvider[], modelCount: number): void {
  const seen = new Set<string>();
  for (const provider of providers) {
    if (!KEY.test(provider.key)) throw new Error(`figure provider key "${provider.key}" must be dotted lower case, module first`);
    if (seen.has(provider.key)) throw new Error(`figure provider key "${provider.key}" is given twice`);
    seen.add(provider.key);
    if (provider.modelNumbers.length === 0 || provider.modelNumbers.some((n) => !Number.isInteger(n) || n < 1 || n > modelCount)) {
      throw new Error(`figure provider "${provider.key}" names a model that is not in the plan`);
    }
  }
}

export function providersFor(providers: readonly FigureProvider[], modelNumber: number): FigureProvider[] {
  return providers.filter((provider) => provider.modelNumbers.includes(modelNumber));
}

export function plannedFiguresFor(providers: readonly FigureProvider[], modelNumber: number): PlannedFigure[] {
  const bound = new Set(providers.map((provider) => provider.key));
  return PLANNED_FIGURES.filter((figure) => figure.modelNumbers.includes(modelNumber) && !bound.has(figure.key));
}

const TIMEOUT_MS = 10_000;

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
        timer.unref();
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Computes a model's live figures for a month; a failing provider yields null and its error message. */
export async function computeFigures(providers: readonly FigureProvider[], modelNumber: number, month: Month): Promise<LiveFigure[]> {
  return Promise.all(
    providersFor(providers, modelNumber).map(async (provider) => {
      const base = { key: provider.key, label: provider.label, unit: provider.unit };
      try {
        const value = await withTimeout(provider.compute(month), TIMEOUT_MS);
        if (value !== null && !Number.isFinite(value)) return { ...base, value: null, error: 'not a finite number' };
        return { ...base, value, error: null };
      } catch (error) {
        return { ...base, value: null, error: (error as Error).message.slice(0, 200) };
      }
    }),
  );
}
