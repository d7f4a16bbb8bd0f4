/**
 * The consolidated report (Nghị định 30/2020/NĐ-CP layout) rendered and read back: PDF text through poppler's
 * pdftotext and pdffonts, XLSX cells through exceljs.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { buildConsolidatedContent, DEFAULT_DOCUMENT_SETTINGS, vietnamDateTime, vietnameseDate, type ConsolidationInput } from './consolidated-report.ts';
import { renderConsolidatedPdf } from './consolidated-report.pdf.ts';
import { renderConsolidatedXlsx } from './consolidated-report.xlsx.ts';
import { PILOT_ASSIGNMENT_2023_08, PLAN_GROUPS, PLAN_MODELS, PLAN_UNITS } from './plan-data.ts';

const pilots = new Set(Object.values(PILOT_ASSIGNMENT_2023_08).flat());
const units = new Map(PLAN_UNITS.map((unit) => [unit.id, unit]));

function input(overrides: Partial<ConsolidationInput> = {}): ConsolidationInput {
  return {
    month: '2026-10',
    generatedAt: new Date('2026-11-12T02:00:00Z'),
    issuedOn: '2026-11-12',
    number: 12,
    settings: DEFAULT_DOCUMENT_SETTINGS,
    signerName: 'Nguyễn Văn Bình',
    signerTitle: 'TỔ TRƯỞNG',
    recipients: DEFAULT_DOCUMENT_SETTINGS.recipients,
    groups: PLAN_GROUPS.map((group) => ({ number: group.number, title: group.title.vi, declaredModels: group.declaredModels })),
    models: PLAN_MODELS.map((model) => {
      const unit = units.get(model.leadUnitId)!;
      return { number: model.number, group: model.group, section: model.section, title: model.title.vi, pilot: pilots.has(model.number), deadlineText: model.deadline, unit: { id: unit.id, name: unit.name.vi, shortName: unit.shortName.vi } };
    }),
    reports: [
      {
        modelNumber: 9,
        status: 'accepted',
        implementationStatus: 'in_progress',
        progressPercent: 85,
        results: 'Đã có 42/47 cơ sở lưu trú sử dụng phần mềm ASM.',
        figures: [{ key: 'presence.stay_notices', label: { vi: 'Số thông báo lưu trú trong tháng', en: 'Stay notices' }, unit: 'thông báo', value: 3120, source: 'live' }],
        difficulties: 'Một số nhà trọ nhỏ chưa có thiết bị.',
        proposals: 'Hỗ trợ thiết bị đọc mã QR.',
        late: false,
        submittedAt: new Date('2026-11-05T03:00:00Z'),
      },
      { modelNumber: 6, status: 'submitted', implementationStatus: 'completed', progressPercent: 100, results: 'Toàn bộ cơ sở khám chữa bệnh tiếp nhận CCCD gắn chíp.', figures: [], difficulties: '', proposals: '', late: true, submittedAt: new Date('2026-11-12T03:00:00Z') },
      { modelNumber: 23, status: 'returned', implementationStatus: 'blocked', progressPercent: 60, results: 'x', figures: [], difficulties: 'y', proposals: '', late: false, submittedAt: new Date('2026-11-03T03:00:00Z') },
      { modelNumber: 8, status: 'draft', implementationStatus: null, progressPercent: null, results: '', figures: [], difficulties: '', proposals: '', late: false, submittedAt: null },
    ],
    ...overrides,
  };
}

function pdfText(pdf: Buffer, layout = false): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'da06-plan-pdf-')), 'report.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

describe('the consolidated monthly report (plan section V.3)', () => {
  it('counts only submitted or accepted reports as reported, by unit and in total', () => {
    const content = buildConsolidatedContent(input());
    assert.deepEqual(
      { reported: content.totals.reported, onTime: content.totals.onTime, late: content.totals.late, returned: content.totals.returned, missing: content.totals.missing },
      { reported: 2, onTime: 1, late: 1, returned: 1, missing: 40 },
    );
    assert.deepEqual(content.totals.byImplementation, { not_started: 0, in_progress: 1, completed: 1, blocked: 0 });
    const health = content.units.find((unit) => unit.id === 'phong-y-te')!;
    assert.deepEqual({ expected: health.expected, reported: health.reported, late: health.late, missingModels: health.missingModels }, { expected: 2, reported: 1, late: 1, missingModels: [7] });
    const culture = content.units.find((unit) => unit.id === 'phong-van-hoa-thong-tin')!;
    assert.deepEqual(culture.returnedModels, [23]);
    assert.equal(content.groups.reduce((sum, group) => sum + group.models.length, 0), 43);
    assert.equal(content.document.documentNumber, '12/BC-TCTĐA06');
    assert.equal(content.document.summary, 'Kết quả triển khai các mô hình Đề án 06 tháng 10/2026');
    assert.equal(content.groups[1]!.models.find((model) => model.number === 8)!.state, 'draft', 'a draft is not a report');
  });

  it('writes dates as administrative documents do (leading zero below 10, and for months 1 and 2)', () => {
    assert.equal(vietnameseDate('2026-11-12'), 'ngày 12 tháng 11 năm 2026');
    assert.equal(vietnameseDate('2027-01-05'), 'ngày 05 tháng 01 năm 2027');
    assert.equal(vietnameseDate('2026-03-09'), 'ngày 09 tháng 3 năm 2026');
    assert.equal(vietnamDateTime('2026-11-11T17:30:00.000Z'), '12/11/2026 00:30');
  });

  it('prints a PDF with the national name, motto, number, place and date, title, groups, recipients and signature', async () => {
    const pdf = await renderConsolidatedPdf(buildConsolidatedContent(input()));
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'CÔNG AN THỊ XÃ DUY TIÊN',
      'TỔ CÔNG TÁC ĐỀ ÁN 06',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/BC-TCTĐA06',
      'Duy Tiên, ngày 12 tháng 11 năm 2026',
      'BÁO CÁO',
      'Kết quả triển khai các mô hình Đề án 06 tháng 10/2026',
      'I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ',
      '1. Nhóm tiện ích phục vụ giải quyết thủ tục hành chính và cung cấp Dịch vụ công trực tuyến (05 mô hình)',
      '2. Nhóm tiện ích phát triển kinh tế-xã hội (17 mô hình)',
      '5. Nhóm phục vụ chỉ đạo điều hành của lãnh đạo các cấp (07 mô hình)',
      'Mô hình 9: Triển khai nền tảng quản lý lưu trú',
      'Tình trạng: đang triển khai, đạt 85%.',
      'Kết quả: Đã có 42/47 cơ sở lưu trú sử dụng phần mềm ASM.',
      'Số thông báo lưu trú trong tháng: 3.120 thông báo (số liệu tự động từ hệ thống)',
      'Tình trạng: hoàn thành, đạt 100% (báo cáo nộp muộn).',
      'báo cáo đã được trả lại để đơn vị chỉnh sửa, chưa nộp lại',
      'III. KHÓ KHĂN, VƯỚNG MẮC',
      'Mô hình 9 (Công an thị xã Duy Tiên): Một số nhà trọ nhỏ chưa có thiết bị.',
      'Nơi nhận:',
      '- Lưu: VT, TCTĐA06.',
      'TỔ TRƯỞNG',
      'Nguyễn Văn Bình',
    ]) {
      assert.ok(text.includes(expected), `the PDF says "${expected}"`);
    }
    for (const model of PLAN_MODELS) assert.ok(text.includes(`Mô hình ${model.number}:`), `model ${model.number} is in the report`);
    const layout = pdfText(pdf, true);
    assert.match(layout, /Phòng Y tế thị xã\s+2\s+1\s+1\s+1 \(MH 7\)/, 'the units table row of the Health Office');
    const pages = layout.split('\f').filter((page) => page.trim() !== '');
    assert.ok(pages.length >= 3, `several pages (${pages.length})`);
    assert.match(pages[1]!.trimStart(), /^2\b/, 'page numbers start on page 2, at the top');
    assert.doesNotMatch(pages[0]!.trimStart(), /^1\b/, 'the first page carries no number');
  });

  it('embeds the Tinos fonts (a Times New Roman metric font with every Vietnamese glyph)', async () => {
    const pdf = await renderConsolidatedPdf(buildConsolidatedContent(input({ reports: [] })));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'da06-plan-pdf-')), 'report.pdf');
    fs.writeFileSync(file, pdf);
    try {
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      assert.match(fonts, /Tinos/);
      for (const line of fonts.split('\n').filter((row) => row.includes('Tinos'))) assert.match(line, /\byes\s+yes\s+yes\b/, `embedded subset with Unicode map: ${line}`);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('writes a workbook with a summary sheet, a row per model and the figures, with Vietnamese headers', async () => {
    const buffer = await renderConsolidatedXlsx(buildConsolidatedContent(input()));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ['Tổng hợp', 'Chi tiết mô hình', 'Số liệu'],
    );
    const summary = workbook.getWorksheet('Tổng hợp')!;
    assert.equal(summary.getCell('D1').value, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    assert.equal(summary.getCell('A3').value, 'Số: 12/BC-TCTĐA06');
    assert.equal(summary.getCell('A6').value, 'Kết quả triển khai các mô hình Đề án 06 tháng 10/2026');
    assert.deepEqual((summary.getRow(10).values as unknown[]).slice(1), ['STT', 'Đơn vị chủ trì', 'Số mô hình', 'Đã báo cáo', 'Nộp muộn', 'Chưa báo cáo', 'Mô hình chưa báo cáo']);
    let healthFound = false;
    summary.eachRow((row) => {
      if (row.getCell(2).value === 'Phòng Y tế thị xã') {
        healthFound = true;
        assert.deepEqual([row.getCell(3).value, row.getCell(4).value, row.getCell(5).value, row.getCell(6).value, row.getCell(7).value], [2, 1, 1, 1, '7']);
      }
    });
    assert.ok(healthFound);
    const details = workbook.getWorksheet('Chi tiết mô hình')!;
    assert.equal(details.rowCount, 44, 'a header and 43 models');
    assert.equal(details.getCell('A1').value, 'Mô hình');
    assert.equal(details.getCell('J1').value, 'Tiến độ (%)');
    const model9 = details.getRow(10);
    assert.equal(model9.getCell(1).value, 9);
    assert.equal(model9.getCell(7).value, 'Đã báo cáo');
    assert.equal(model9.getCell(9).value, 'đang triển khai');
    assert.equal(model9.getCell(10).value, 85);
    assert.equal(model9.getCell(14).value, '05/11/2026 10:00');
    assert.equal(details.getRow(7).getCell(8).value, 'Có', 'model 6 was late');
    assert.equal(details.getRow(24).getCell(7).value, 'Trả lại để chỉnh sửa', 'model 23 was returned');
    const figures = workbook.getWorksheet('Số liệu')!;
    assert.deepEqual((figures.getRow(2).values as unknown[]).slice(1), [9, 'Số thông báo lưu trú trong tháng', 3120, 'thông báo', 'Tự động từ hệ thống DA06']);
  });
});
