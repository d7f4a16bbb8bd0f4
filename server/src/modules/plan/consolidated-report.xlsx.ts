/**
 * The consolidated monthly report as a workbook, for the standing agency to sort, filter and forward:
 * - "Tổng hợp": the document's heading and the reporting situation by lead unit;
 * - "Chi tiết mô hình": one row per model (all 43) with its report;
 * - "Số liệu": one row per figure reported.
 * Headers are Vietnamese; numbers stay numbers (progress, counts, figures) so that they can be summed.
 */
import ExcelJS from 'exceljs';
import { implementationLabel, shortDate, vietnamDateTime, vietnameseDate, type ConsolidatedContent } from './consolidated-report.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function styleHeader(row: ExcelJS.Row): void {
  row.font = { name: 'Times New Roman', bold: true, size: 12 };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
}

function styleBody(row: ExcelJS.Row): void {
  row.font = { name: 'Times New Roman', size: 12 };
  row.alignment = { vertical: 'top', wrapText: true };
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = THIN;
  });
}

const STATE_LABELS = {
  reported: 'Đã báo cáo',
  returned: 'Trả lại để chỉnh sửa',
  draft: 'Chưa nộp (đang soạn)',
  missing: 'Chưa báo cáo',
} as const;

export async function renderConsolidatedXlsx(content: ConsolidatedContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'DA06';
  workbook.created = new Date(content.generatedAt);
  workbook.title = `${content.document.type} ${content.document.documentNumber}`;
  const { document, totals } = content;

  const summary = workbook.addWorksheet('Tổng hợp', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  summary.columns = [{ width: 6 }, { width: 46 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 30 }];
  summary.mergeCells('A1:C1');
  summary.getCell('A1').value = document.parentBody;
  summary.mergeCells('A2:C2');
  summary.getCell('A2').value = document.issuingBody;
  summary.getCell('A2').font = { name: 'Times New Roman', bold: true, size: 12 };
  summary.mergeCells('A3:C3');
  summary.getCell('A3').value = `Số: ${document.documentNumber}`;
  summary.mergeCells('D1:G1');
  summary.getCell('D1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  summary.getCell('D1').font = { name: 'Times New Roman', bold: true, size: 12 };
  summary.mergeCells('D2:G2');
  summary.getCell('D2').value = 'Độc lập - Tự do - Hạnh phúc';
  summary.getCell('D2').font = { name: 'Times New Roman', bold: true, size: 12 };
  summary.mergeCells('D3:G3');
  summary.getCell('D3').value = `${document.place}, ${vietnameseDate(document.issuedOn)}`;
  summary.getCell('D3').font = { name: 'Times New Roman', italic: true, size: 12 };
  for (const address of ['A1', 'A3']) summary.getCell(address).font = { name: 'Times New Roman', size: 12 };
  for (const address of ['A1', 'A2', 'A3', 'D1', 'D2', 'D3']) summary.getCell(address).alignment = { horizontal: 'center' };
  summary.mergeCells('A5:G5');
  summary.getCell('A5').value = document.type;
  summary.mergeCells('A6:G6');
  summary.getCell('A6').value = document.summary;
  for (const address of ['A5', 'A6']) {
    summary.getCell(address).font = { name: 'Times New Roman', bold: true, size: 14 };
    summary.getCell(address).alignment = { horizontal: 'center' };
  }
  summary.mergeCells('A8:G8');
  summary.getCell('A8').value =
    `Báo cáo của ${totals.reported}/${totals.models} mô hình (${totals.onTime} đúng hạn, ${totals.late} nộp muộn); ` +
    `${totals.missing + totals.returned} mô hình chưa có báo cáo. Hạn báo cáo: hết ngày ${shortDate(content.lastOnTimeDay)}.`;
  summary.getCell('A8').alignment = { wrapText: true };
  summary.getRow(8).height = 32;

  const header = summary.getRow(10);
  header.values = ['STT', 'Đơn vị chủ trì', 'Số mô hình', 'Đã báo cáo', 'Nộp muộn', 'Chưa báo cáo', 'Mô hình chưa báo cáo'];
  styleHeader(header);
  content.units.forEach((unit, index) => {
    const pending = [...unit.missingModels, ...unit.returnedModels].sort((a, b) => a - b);
    const row = summary.addRow([index + 1, unit.name, unit.expected, unit.reported, unit.late, unit.missing + unit.returned, pending.join(', ')]);
    styleBody(row);
  });
  const total = summary.addRow(['', 'Tổng cộng', totals.models, totals.reported, totals.late, totals.missing + totals.returned, '']);
  styleBody(total);
  total.font = { name: 'Times New Roman', bold: true, size: 12 };

  const details = workbook.addWorksheet('Chi tiết mô hình', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  details.columns = [
    { header: 'Mô hình', key: 'number', width: 9 },
    { header: 'Tên mô hình', key: 'title', width: 50 },
    { header: 'Nhóm', key: 'group', width: 8 },
    { header: 'Đơn vị chủ trì', key: 'unit', width: 30 },
    { header: 'Mô hình điểm (8/2023)', key: 'pilot', width: 12 },
    { header: 'Thời hạn theo kế hoạch', key: 'deadline', width: 22 },
    { header: 'Tình hình báo cáo', key: 'state', width: 18 },
    { header: 'Nộp muộn', key: 'late', width: 10 },
    { header: 'Tình trạng triển khai', key: 'implementation', width: 16 },
    { header: 'Tiến độ (%)', key: 'progress', width: 10 },
    { header: 'Kết quả đạt được', key: 'results', width: 60 },
    { header: 'Khó khăn, vướng mắc', key: 'difficulties', width: 40 },
    { header: 'Đề xuất, kiến nghị', key: 'proposals', width: 40 },
    { header: 'Thời điểm nộp (giờ Việt Nam)', key: 'submittedAt', width: 20 },
  ];
  styleHeader(details.getRow(1));
  for (const group of content.groups) {
    for (const model of group.models) {
      const report = model.report;
      const row = details.addRow({
        number: model.number,
        title: model.title,
        group: group.number,
        unit: model.unitName,
        pilot: model.pilot ? 'Có' : '',
        deadline: model.deadlineText,
        state: STATE_LABELS[model.state],
        late: report?.late ? 'Có' : '',
        implementation: report ? implementationLabel(report.implementationStatus) : '',
        progress: report?.progressPercent ?? null,
        results: report?.results ?? '',
        difficulties: report?.difficulties ?? '',
        proposals: report?.proposals ?? '',
        submittedAt: report?.submittedAt ? vietnamDateTime(report.submittedAt) : '',
      });
      styleBody(row);
    }
  }
  details.autoFilter = { from: 'A1', to: 'N1' };

  const figures = workbook.addWorksheet('Số liệu');
  figures.columns = [
    { header: 'Mô hình', key: 'number', width: 9 },
    { header: 'Chỉ tiêu', key: 'label', width: 60 },
    { header: 'Giá trị', key: 'value', width: 14 },
    { header: 'Đơn vị tính', key: 'unit', width: 14 },
    { header: 'Nguồn', key: 'source', width: 28 },
  ];
  styleHeader(figures.getRow(1));
  for (const model of content.groups.flatMap((group) => group.models)) {
    for (const figure of model.report?.figures ?? []) {
      const row = figures.addRow({
        number: model.number,
        label: figure.label,
        value: figure.value,
        unit: figure.unit,
        source: figure.source === 'live' ? 'Tự động từ hệ thống DA06' : 'Đơn vị nhập',
      });
      styleBody(row);
    }
  }

  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
