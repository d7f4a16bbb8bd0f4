/**
 * What a monthly report says, and when it is complete enough to submit.
 *
 * Rules:
 * - a draft may be saved half-filled; fields not sent keep their value;
 * - figures bound to a live provider take its label and unit; a value equal to the live one is marked "live", a value
 *   the unit typed over it "manual"; other figures need a label and a unit the first time they appear;
 * - to submit: the implementation status and the progress are required; results are required unless the model has
 *   not started; "completed" means 100 %; "blocked" needs the difficulty described (the standing agency acts on it).
 * Text is stored in Unicode NFC (DESIGN.md: Vietnamese text in NFC) and trimmed.
 */
import type { LiveFigure } from './figures.ts';
import type { ReportFigure } from './plan.repository.ts';
import type { ImplementationStatus } from './report-status.ts';

export interface ReportContent {
  implementationStatus: ImplementationStatus | null;
  progressPercent: number | null;
  results: string;
  figures: ReportFigure[];
  difficulties: string;
  proposals: string;
}

export interface FigureInput {
  key: string;
  value: number | null;
  label?: string | undefined;
  labelEn?: string | undefined;
  unit?: string | undefined;
}

export interface ContentInput {
  implementationStatus?: ImplementationStatus | undefined;
  progressPercent?: number | undefined;
  results?: string | undefined;
  figures?: FigureInput[] | undefined;
  difficulties?: string | undefined;
  proposals?: string | undefined;
}

export class FigureLabelMissing extends Error {
  constructor(readonly key: string) {
    super(`figure ${key} needs a label and a unit`);
  }
}

export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

export function prefillFigures(live: readonly LiveFigure[]): ReportFigure[] {
  return live.map((figure) => ({ key: figure.key, label: figure.label, unit: figure.unit, value: figure.value, source: 'live' }));
}

export function mergeFigures(current: readonly ReportFigure[], input: readonly FigureInput[], live: readonly LiveFigure[]): ReportFigure[] {
  const byKey = new Map(current.map((figure) => [figure.key, figure]));
  for (const item of input) {
    const provider = live.find((figure) => figure.key === item.key);
    if (provider) {
      byKey.set(item.key, { key: item.key, label: provider.label, unit: provider.unit, value: item.value, source: item.value === provider.value ? 'live' : 'manual' });
      continue;
    }
    const existing = byKey.get(item.key);
    const labelVi = item.label !== undefined ? cleanText(item.label) : existing?.label.vi;
    const unit = item.unit !== undefined ? cleanText(item.unit) : existing?.unit;
    if (!labelVi || unit === undefined) throw new FigureLabelMissing(item.key);
    const labelEn = item.labelEn !== undefined ? cleanText(item.labelEn) : (existing?.label.en ?? labelVi);
    byKey.set(item.key, { key: item.key, label: { vi: labelVi, en: labelEn }, unit, value: item.value, source: 'manual' });
  }
  return [...byKey.values()];
}

export function applyInput(current: ReportContent, input: ContentInput, live: readonly LiveFigure[]): ReportContent {
  return {
    implementationStatus: input.implementationStatus ?? current.implementationStatus,
    progressPercent: input.progressPercent ?? current.progressPercent,
    results: input.results !== undefined ? cleanText(input.results) : current.results,
    figures: input.figures ? mergeFigures(current.figures, input.figures, live) : current.figures,
    difficulties: input.difficulties !== undefined ? cleanText(input.difficulties) : current.difficulties,
    proposals: input.proposals !== undefined ? cleanText(input.proposals) : current.proposals,
  };
}

/** The fields that stop a submission, by their API names (empty when the report can be submitted). */
export function missingForSubmission(content: ReportContent): string[] {
  const missing: string[] = [];
  if (!content.implementationStatus) missing.push('implementationStatus');
  if (content.progressPercent === null) missing.push('progressPercent');
  if (content.implementationStatus && content.implementationStatus !== 'not_started' && content.results === '') missing.push('results');
  if (content.implementationStatus === 'completed' && content.progressPercent !== null && content.progressPercent !== 100) missing.push('progressPercent (hoàn thành = 100 %)');
  if (content.implementationStatus === 'blocked' && content.difficulties === '') missing.push('difficulties');
  return missing;
}
