/**
 * The consolidated monthly report as a printable PDF, laid out as a Vietnamese administrative document.
 *
 * Layout rules (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * - A4 portrait; margins: top and bottom 20 mm, left 30 mm, right 15 mm;
 * - Times New Roman metrics (here Tinos, which has every Vietnamese glyph), body 13 pt, justified, first-line indent;
 * - top left: governing body (upright capitals), issuing body (bold capitals) with a short rule under it, then
 *   "Số: n/ký hiệu"; top right: the national name "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (bold capitals) and the motto
 *   "Độc lập - Tự do - Hạnh phúc" (bold, a rule as wide as the motto under it), then place and date in italics;
 * - centred: the type of document "BÁO CÁO" and its summary (bold), with a short rule under it;
 * - after the content: "Nơi nhận:" (bold italic 12 pt, list in 11 pt) on the left and the signature block on the right;
 * - page numbers from the second page, centred in the top margin.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import {
  formatNumber,
  implementationLabel,
  shortDate,
  vietnameseDate,
  type ConsolidatedContent,
  type ConsolidatedModel,
} from './consolidated-report.ts';

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italic: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  boldItalic: require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
};

const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const BODY_SIZE = 13;
const INDENT = 10 * MM;
const LINE_GAP = 2.5;
const PARAGRAPH_GAP = 4;

type Doc = PDFKit.PDFDocument;

function pageBottom(doc: Doc): number {
  return doc.page.height - MARGINS.bottom;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGINS.left - MARGINS.right;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

/** Text centred on a column [x, x + width] at y; returns the y below it. */
function centred(doc: Doc, text: string, x: number, y: number, width: number, font: string, size: number): number {
  doc.font(font).fontSize(size);
  doc.text(text, x, y, { width, align: 'center', lineGap: 1 });
  return doc.y;
}

function rule(doc: Doc, centreX: number, y: number, length: number): void {
  doc.save().lineWidth(0.6).moveTo(centreX - length / 2, y).lineTo(centreX + length / 2, y).stroke().restore();
}

function drawHeader(doc: Doc, content: ConsolidatedContent): void {
  const { document } = content;
  const left = MARGINS.left - 12 * MM;
  const leftWidth = 80 * MM;
  const rightWidth = 95 * MM;
  const right = doc.page.width - MARGINS.right - rightWidth + 4 * MM;
  const top = MARGINS.top;

  let y = centred(doc, document.parentBody, left, top, leftWidth, 'regular', 12);
  y = centred(doc, document.issuingBody, left, y, leftWidth, 'bold', 12);
  doc.font('bold').fontSize(12);
  rule(doc, left + leftWidth / 2, y + 1.5, doc.widthOfString(document.issuingBody) * 0.45);
  const leftEnd = centred(doc, `Số: ${document.documentNumber}`, left, y + 8, leftWidth, 'regular', 13);

  let ry = centred(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', right, top, rightWidth, 'bold', 12);
  ry = centred(doc, 'Độc lập - Tự do - Hạnh phúc', right, ry, rightWidth, 'bold', 13);
  doc.font('bold').fontSize(13);
  rule(doc, right + rightWidth / 2, ry + 1.5, doc.widthOfString('Độc lập - Tự do - Hạnh phúc'));
  const rightEnd = centred(doc, `${document.place}, ${vietnameseDate(document.issuedOn)}`, right, ry + 8, rightWidth, 'italic', 13);

  let ty = Math.max(leftEnd, rightEnd) + 20;
  ty = centred(doc, document.type, MARGINS.left, ty, contentWidth(doc), 'bold', 14);
  ty = centred(doc, document.summary, MARGINS.left + 15 * MM, ty + 1, contentWidth(doc) - 30 * MM, 'bold', 14);
  rule(doc, MARGINS.left + contentWidth(doc) / 2, ty + 3, 40 * MM);
  doc.x = MARGINS.left;
  doc.y = ty + 18;
}

function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 50);
  doc.font('bold').fontSize(BODY_SIZE).text(text, MARGINS.left + INDENT, doc.y, { width: contentWidth(doc) - INDENT, align: 'left', lineGap: LINE_GAP });
  doc.moveDown(0.25);
}

function paragraph(doc: Doc, text: string, options: { font?: string; indent?: boolean } = {}): void {
  ensureSpace(doc, 20);
  doc
    .font(options.font ?? 'regular')
    .fontSize(BODY_SIZE)
    .text(text, MARGINS.left, doc.y, { width: contentWidth(doc), align: 'justify', indent: options.indent === false ? 0 : INDENT, lineGap: LINE_GAP });
  doc.y += PARAGRAPH_GAP;
}

/** A paragraph that begins with a bold or italic lead-in ("Kết quả: ..."). */
function labelled(doc: Doc, parts: Array<{ text: string; font: string }>, align: 'justify' | 'left' = 'justify'): void {
  ensureSpace(doc, 20);
  doc.x = MARGINS.left;
  // pdfkit spreads a justified line over its last font run only, so a heading whose second run is short stays left-aligned.
  const options = { width: contentWidth(doc), align, indent: INDENT, lineGap: LINE_GAP };
  parts.forEach((part, index) => {
    doc.font(part.font).fontSize(BODY_SIZE);
    const last = index === parts.length - 1;
    if (index === 0) doc.text(part.text, MARGINS.left, doc.y, { ...options, continued: !last });
    else doc.text(part.text, { ...options, continued: !last });
  });
  doc.y += PARAGRAPH_GAP;
}

function splitLines(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function modelBlock(doc: Doc, model: ConsolidatedModel): void {
  ensureSpace(doc, 60);
  labelled(
    doc,
    [
      { text: `Mô hình ${model.number}: ${model.title} `, font: 'bold' },
      { text: `(${model.unitName} chủ trì${model.pilot ? '; mô hình điểm' : ''}).`, font: 'italic' },
    ],
    'left',
  );
  const report = model.report;
  if (!report) {
    const why = model.state === 'returned' ? 'báo cáo đã được trả lại để đơn vị chỉnh sửa, chưa nộp lại' : 'đơn vị chưa gửi báo cáo';
    labelled(doc, [
      { text: 'Tình hình: ', font: 'italic' },
      { text: `${why}.`, font: 'regular' },
    ]);
    return;
  }
  const progress = report.progressPercent === null ? '' : `, đạt ${report.progressPercent}%`;
  labelled(doc, [
    { text: 'Tình trạng: ', font: 'italic' },
    { text: `${implementationLabel(report.implementationStatus)}${progress}${report.late ? ' (báo cáo nộp muộn)' : ''}.`, font: 'regular' },
  ]);
  const results = splitLines(report.results);
  results.forEach((line, index) => {
    if (index === 0) labelled(doc, [{ text: 'Kết quả: ', font: 'italic' }, { text: line, font: 'regular' }]);
    else paragraph(doc, line);
  });
  if (report.figures.length > 0) {
    const figures = report.figures.map((figure) => `${figure.label}: ${formatNumber(figure.value)}${figure.value === null ? '' : ` ${figure.unit}`}${figure.source === 'live' ? ' (số liệu tự động từ hệ thống)' : ''}`);
    labelled(doc, [{ text: 'Số liệu: ', font: 'italic' }, { text: `${figures.join('; ')}.`, font: 'regular' }]);
  }
  for (const [label, text] of [
    ['Khó khăn, vướng mắc: ', report.difficulties],
    ['Đề xuất, kiến nghị: ', report.proposals],
  ] as const) {
    const lines = splitLines(text);
    lines.forEach((line, index) => {
      if (index === 0) labelled(doc, [{ text: label, font: 'italic' }, { text: line, font: 'regular' }]);
      else paragraph(doc, line);
    });
  }
}

interface Column {
  title: string;
  width: number;
  align: 'left' | 'center' | 'right';
}

function table(doc: Doc, columns: Column[], rows: string[][], bold: (rowIndex: number) => boolean): void {
  const size = 11.5;
  const pad = 3;
  const x0 = MARGINS.left;
  const drawRow = (cells: string[], font: string, fill?: string) => {
    doc.font(font).fontSize(size);
    const heights = cells.map((cell, index) => doc.heightOfString(cell, { width: columns[index]!.width - 2 * pad, lineGap: 1 }));
    const height = Math.max(...heights) + 2 * pad;
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      drawRow(
        columns.map((column) => column.title),
        'bold',
        '#eeeeee',
      );
      doc.font(font).fontSize(size);
    }
    const y = doc.y;
    let x = x0;
    cells.forEach((cell, index) => {
      const column = columns[index]!;
      if (fill) doc.save().rect(x, y, column.width, height).fill(fill).restore();
      doc.save().lineWidth(0.5).rect(x, y, column.width, height).stroke().restore();
      doc.font(font).fontSize(size).fillColor('black');
      doc.text(cell, x + pad, y + pad, { width: column.width - 2 * pad, align: column.align, lineGap: 1 });
      x += column.width;
    });
    doc.x = x0;
    doc.y = y + height;
  };
  drawRow(
    columns.map((column) => column.title),
    'bold',
    '#eeeeee',
  );
  rows.forEach((row, index) => drawRow(row, bold(index) ? 'bold' : 'regular'));
  doc.y += 8;
}

function unitsTable(doc: Doc, content: ConsolidatedContent): void {
  const width = contentWidth(doc);
  const numeric = 52;
  const columns: Column[] = [
    { title: 'STT', width: 30, align: 'center' },
    { title: 'Đơn vị chủ trì', width: width - 30 - numeric * 4 - 40, align: 'left' },
    { title: 'Số mô hình', width: numeric, align: 'center' },
    { title: 'Đã báo cáo', width: numeric, align: 'center' },
    { title: 'Nộp muộn', width: numeric, align: 'center' },
    { title: 'Chưa báo cáo', width: numeric + 40, align: 'center' },
  ];
  const rows = content.units.map((unit, index) => {
    const pending = [...unit.missingModels, ...unit.returnedModels].sort((a, b) => a - b);
    const missingText = unit.missing + unit.returned === 0 ? '0' : `${unit.missing + unit.returned}${pending.length > 0 ? ` (MH ${pending.join(', ')})` : ''}`;
    return [String(index + 1), unit.name, String(unit.expected), String(unit.reported), String(unit.late), missingText];
  });
  const { totals } = content;
  rows.push(['', 'Tổng cộng', String(totals.models), String(totals.reported), String(totals.late), String(totals.missing + totals.returned)]);
  ensureSpace(doc, 80);
  table(doc, columns, rows, (index) => index === rows.length - 1);
}

function closing(doc: Doc, content: ConsolidatedContent): void {
  const { document } = content;
  paragraph(
    doc,
    `Trên đây là báo cáo kết quả triển khai các mô hình Đề án 06 tháng ${content.monthLabel} của Tổ công tác Đề án 06 thị xã ${document.place}./.`,
  );
  const needed = 30 + document.recipients.length * 14 + 20;
  ensureSpace(doc, Math.max(needed, 150));
  const top = doc.y + 10;
  const leftWidth = 85 * MM;
  doc.font('boldItalic').fontSize(12).text('Nơi nhận:', MARGINS.left, top, { width: leftWidth });
  doc.font('regular').fontSize(11);
  for (const recipient of document.recipients) doc.text(`- ${recipient}`, MARGINS.left, doc.y, { width: leftWidth, lineGap: 0.5 });
  const leftEnd = doc.y;

  const rightWidth = 80 * MM;
  const right = doc.page.width - MARGINS.right - rightWidth;
  let y = centred(doc, document.signingBody, right, top, rightWidth, 'bold', 13);
  for (const line of document.signerTitle.split('\n')) y = centred(doc, line, right, y, rightWidth, 'bold', 13);
  y += 62;
  if (document.signerName) y = centred(doc, document.signerName, right, y, rightWidth, 'bold', 13);
  doc.x = MARGINS.left;
  doc.y = Math.max(leftEnd, y);
}

function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start + 1; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(13).text(String(index + 1), 0, 10 * MM, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export async function renderConsolidatedPdf(content: ConsolidatedContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: `${content.document.type} ${content.document.documentNumber} — ${content.document.summary}`,
      Author: `${content.document.issuingBody}, ${content.document.parentBody}`,
      Subject: content.document.summary,
      Creator: 'DA06',
      CreationDate: new Date(content.generatedAt),
    },
    lang: 'vi-VN',
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  doc.registerFont('boldItalic', FONTS.boldItalic);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  drawHeader(doc, content);
  const { totals } = content;
  const lastDay = shortDate(content.lastOnTimeDay);

  heading(doc, 'I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ');
  paragraph(
    doc,
    `Thực hiện mục V.3 Kế hoạch triển khai các mô hình Đề án 06 của thị xã (các cơ quan, đơn vị báo cáo về Cơ quan Thường trực Tổ công tác trước ngày 12 hàng tháng), ` +
      `tính đến ngày lập báo cáo đã nhận báo cáo của ${totals.reported}/${totals.models} mô hình; ` +
      `trong đó ${totals.onTime} báo cáo đúng hạn (đến hết ngày ${lastDay}) và ${totals.late} báo cáo nộp muộn; ` +
      `${totals.missing + totals.returned} mô hình chưa có báo cáo${totals.returned > 0 ? ` (gồm ${totals.returned} báo cáo đã trả lại để đơn vị chỉnh sửa)` : ''}. ` +
      `Có ${totals.unitsComplete}/${totals.units} đơn vị chủ trì đã báo cáo đầy đủ các mô hình được giao.`,
  );
  unitsTable(doc, content);

  heading(doc, 'II. KẾT QUẢ TRIỂN KHAI CÁC MÔ HÌNH');
  const by = totals.byImplementation;
  paragraph(
    doc,
    `Trong ${totals.reported} mô hình có báo cáo: ${by.completed} mô hình hoàn thành, ${by.in_progress} mô hình đang triển khai, ` +
      `${by.blocked} mô hình gặp vướng mắc, ${by.not_started} mô hình chưa triển khai. Kết quả cụ thể theo từng nhóm như sau:`,
  );
  for (const group of content.groups) {
    heading(doc, `${group.number}. ${group.title} (${String(group.declaredModels).padStart(2, '0')} mô hình)`);
    for (const model of group.models) modelBlock(doc, model);
  }

  const difficulties = content.groups.flatMap((group) => group.models).filter((model) => model.report && model.report.difficulties);
  const proposals = content.groups.flatMap((group) => group.models).filter((model) => model.report && model.report.proposals);
  heading(doc, 'III. KHÓ KHĂN, VƯỚNG MẮC');
  if (difficulties.length === 0) paragraph(doc, 'Các đơn vị không báo cáo khó khăn, vướng mắc.');
  for (const model of difficulties) paragraph(doc, `- Mô hình ${model.number} (${model.unitName}): ${splitLines(model.report!.difficulties).join(' ')}`);
  heading(doc, 'IV. ĐỀ XUẤT, KIẾN NGHỊ');
  if (proposals.length === 0) paragraph(doc, 'Các đơn vị không có đề xuất, kiến nghị.');
  for (const model of proposals) paragraph(doc, `- Mô hình ${model.number} (${model.unitName}): ${splitLines(model.report!.proposals).join(' ')}`);
  const missing = content.units.filter((unit) => unit.missingModels.length > 0);
  if (missing.length > 0) {
    paragraph(
      doc,
      `Đề nghị ${missing.map((unit) => `${unit.name} (mô hình ${unit.missingModels.join(', ')})`).join('; ')} khẩn trương gửi báo cáo về Cơ quan Thường trực Tổ công tác Đề án 06 thị xã (qua Công an thị xã) để tổng hợp.`,
    );
  }

  closing(doc, content);
  pageNumbers(doc);
  doc.end();
  return done;
}
