/**
 * The content of the town's consolidated monthly report, frozen when the standing agency issues it, and rendered by
 * consolidated-report.pdf.ts and consolidated-report.xlsx.ts.
 *
 * Rules:
 * - section V.3 of the plan: the standing agency (the town police) consolidates the units' reports on month M, due
 *   before the 12th of M+1;
 * - a report counts as reported once submitted (or accepted); a report returned for correction does not count until
 *   it is submitted again; a draft is not a report;
 * - the document follows Nghị định 30/2020/NĐ-CP (Phụ lục I, văn bản hành chính): issuing body, number and symbol,
 *   place and date, type and summary ("BÁO CÁO" + trích yếu), content, recipients ("Nơi nhận"), signature.
 */
import { VIETNAM_OFFSET_MS } from '../../kernel/clock.ts';
import type { ReportFigure } from './plan.repository.ts';
import { lastOnTimeDay, monthLabel, type Month } from './report-deadline.ts';
import { IMPLEMENTATION_STATUS_LABELS, type ImplementationStatus, type ReportStatus } from './report-status.ts';

export interface DocumentSettings {
  /** Governing body, then issuing body (NĐ 30/2020, Phụ lục I, mục II.3). */
  parentBody: string;
  issuingBody: string;
  place: string;
  /** Symbol after the number: "BC-TCTĐA06" (BC = báo cáo). */
  symbol: string;
  /** The body named above the signer's title. */
  signingBody: string;
  defaultSignerTitle: string;
  recipients: string[];
}

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  parentBody: 'CÔNG AN THỊ XÃ DUY TIÊN',
  issuingBody: 'TỔ CÔNG TÁC ĐỀ ÁN 06',
  place: 'Duy Tiên',
  symbol: 'BC-TCTĐA06',
  signingBody: 'TỔ CÔNG TÁC ĐỀ ÁN 06',
  defaultSignerTitle: 'TỔ TRƯỞNG',
  recipients: [
    'Tổ công tác Đề án 06 tỉnh (để báo cáo);',
    'Thường trực Thị ủy, Thường trực HĐND thị xã (để báo cáo);',
    'Lãnh đạo UBND thị xã (để chỉ đạo);',
    'Các thành viên Tổ công tác Đề án 06 thị xã;',
    'Các cơ quan, đơn vị chủ trì mô hình (để thực hiện);',
    'Lưu: VT, TCTĐA06.',
  ],
};

export interface ConsolidatedModel {
  number: number;
  section: string;
  title: string;
  unitName: string;
  pilot: boolean;
  deadlineText: string;
  state: 'reported' | 'returned' | 'draft' | 'missing';
  report: null | {
    status: ReportStatus;
    implementationStatus: ImplementationStatus | null;
    progressPercent: number | null;
    results: string;
    figures: Array<{ label: string; value: number | null; unit: string; source: 'live' | 'manual' }>;
    difficulties: string;
    proposals: string;
    late: boolean;
    submittedAt: string | null;
  };
}

export interface ConsolidatedUnit {
  id: string;
  name: string;
  shortName: string;
  expected: number;
  reported: number;
  late: number;
  returned: number;
  missing: number;
  missingModels: number[];
  returnedModels: number[];
  lateModels: number[];
}

export interface ConsolidatedContent {
  document: {
    parentBody: string;
    issuingBody: string;
    place: string;
    symbol: string;
    number: number;
    documentNumber: string;
    issuedOn: string;
    type: string;
    summary: string;
    signingBody: string;
    signerTitle: string;
    signerName: string;
    recipients: string[];
  };
  month: Month;
  monthLabel: string;
  lastOnTimeDay: string;
  generatedAt: string;
  totals: {
    models: number;
    reported: number;
    onTime: number;
    late: number;
    returned: number;
    missing: number;
    byImplementation: Record<ImplementationStatus, number>;
    units: number;
    unitsComplete: number;
    unitsWithLate: number;
    unitsWithMissing: number;
  };
  units: ConsolidatedUnit[];
  groups: Array<{ number: number; title: string; declaredModels: number; models: ConsolidatedModel[] }>;
}

export interface ConsolidationInput {
  month: Month;
  generatedAt: Date;
  issuedOn: string;
  number: number;
  settings: DocumentSettings;
  signerName: string;
  signerTitle: string;
  recipients: string[];
  groups: Array<{ number: number; title: string; declaredModels: number }>;
  models: Array<{ number: number; group: number; section: string; title: string; pilot: boolean; deadlineText: string; unit: { id: string; name: string; shortName: string } }>;
  reports: Array<{
    modelNumber: number;
    status: Exclude<ReportStatus, 'not_started'>;
    implementationStatus: ImplementationStatus | null;
    progressPercent: number | null;
    results: string;
    figures: ReportFigure[];
    difficulties: string;
    proposals: string;
    late: boolean;
    submittedAt: Date | null;
  }>;
}

function stateOf(status: ReportStatus | undefined): ConsolidatedModel['state'] {
  if (status === 'submitted' || status === 'accepted') return 'reported';
  if (status === 'returned') return 'returned';
  if (status === 'draft') return 'draft';
  return 'missing';
}

export function buildConsolidatedContent(input: ConsolidationInput): ConsolidatedContent {
  const reports = new Map(input.reports.map((report) => [report.modelNumber, report]));
  const byImplementation: Record<ImplementationStatus, number> = { not_started: 0, in_progress: 0, completed: 0, blocked: 0 };
  const units = new Map<string, ConsolidatedUnit>();

  const models: ConsolidatedModel[] = input.models.map((model) => {
    const report = reports.get(model.number);
    const state = stateOf(report?.status);
    const unit = units.get(model.unit.id) ?? {
      id: model.unit.id,
      name: model.unit.name,
      shortName: model.unit.shortName,
      expected: 0,
      reported: 0,
      late: 0,
      returned: 0,
      missing: 0,
      missingModels: [],
      returnedModels: [],
      lateModels: [],
    };
    units.set(model.unit.id, unit);
    unit.expected += 1;
    if (state === 'reported') {
      unit.reported += 1;
      if (report!.late) {
        unit.late += 1;
        unit.lateModels.push(model.number);
      }
      if (report!.implementationStatus) byImplementation[report!.implementationStatus] += 1;
    } else if (state === 'returned') {
      unit.returned += 1;
      unit.returnedModels.push(model.number);
    } else {
      unit.missing += 1;
      unit.missingModels.push(model.number);
    }
    return {
      number: model.number,
      section: model.section,
      title: model.title,
      unitName: model.unit.name,
      pilot: model.pilot,
      deadlineText: model.deadlineText,
      state,
      report:
        state === 'reported' && report
          ? {
              status: report.status,
              implementationStatus: report.implementationStatus,
              progressPercent: report.progressPercent,
              results: report.results,
              figures: report.figures.map((figure) => ({ label: figure.label.vi, value: figure.value, unit: figure.unit, source: figure.source })),
              difficulties: report.difficulties,
              proposals: report.proposals,
              late: report.late,
              submittedAt: report.submittedAt?.toISOString() ?? null,
            }
          : null,
    };
  });

  const unitList = [...units.values()].sort((a, b) => b.expected - a.expected || a.name.localeCompare(b.name, 'vi'));
  const reported = models.filter((model) => model.state === 'reported');
  const late = reported.filter((model) => model.report?.late).length;
  return {
    document: {
      parentBody: input.settings.parentBody,
      issuingBody: input.settings.issuingBody,
      place: input.settings.place,
      symbol: input.settings.symbol,
      number: input.number,
      documentNumber: `${input.number}/${input.settings.symbol}`,
      issuedOn: input.issuedOn,
      type: 'BÁO CÁO',
      summary: `Kết quả triển khai các mô hình Đề án 06 tháng ${monthLabel(input.month)}`,
      signingBody: input.settings.signingBody,
      signerTitle: input.signerTitle,
      signerName: input.signerName,
      recipients: input.recipients,
    },
    month: input.month,
    monthLabel: monthLabel(input.month),
    lastOnTimeDay: lastOnTimeDay(input.month),
    generatedAt: input.generatedAt.toISOString(),
    totals: {
      models: models.length,
      reported: reported.length,
      onTime: reported.length - late,
      late,
      returned: models.filter((model) => model.state === 'returned').length,
      missing: models.filter((model) => model.state === 'missing' || model.state === 'draft').length,
      byImplementation,
      units: unitList.length,
      unitsComplete: unitList.filter((unit) => unit.reported === unit.expected).length,
      unitsWithLate: unitList.filter((unit) => unit.late > 0).length,
      unitsWithMissing: unitList.filter((unit) => unit.missing + unit.returned > 0).length,
    },
    units: unitList,
    groups: input.groups.map((group) => ({
      number: group.number,
      title: group.title,
      declaredModels: group.declaredModels,
      models: models.filter((model) => input.models.find((m) => m.number === model.number)?.group === group.number),
    })),
  };
}

/** "ngày 12 tháng 11 năm 2026" — dates in administrative documents (NĐ 30/2020: days below 10 and months below 3 take a leading zero). */
export function vietnameseDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month < 3 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "11/11/2026" */
export function shortDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `${day}/${month}/${year}`;
}

export function implementationLabel(status: ImplementationStatus | null): string {
  return status ? IMPLEMENTATION_STATUS_LABELS[status].vi : 'chưa xác định';
}

export function formatNumber(value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
}

/** "12/11/2026 10:05" in Vietnam time. */
export function vietnamDateTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${shortDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}
