/**
 * The plan as data against the plan as written (source/ke-hoach-43-mo-hinh-2023-08.txt, the seed):
 * section III's five groups and 43 model headings, each model's title and deadline, and section V.2's 24 pilots.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseDeadline } from './deadline.ts';
import { PILOT_ASSIGNMENT_2023_08, PLAN_GROUPS, PLAN_MODELS, PLAN_UNITS, PROPOSED_SUCCESSIONS_2025, TOOLS } from './plan-data.ts';

const SEED = fs.readFileSync(path.join(import.meta.dirname, 'source', 'ke-hoach-43-mo-hinh-2023-08.txt'), 'utf8').normalize('NFC');
/** The scan's text on one line, without the page numbers the PDF conversion left between paragraphs. */
const FLAT = SEED.replace(/\n\s*\d{1,2}\s*\n/g, '\n').replace(/\s+/g, ' ');

/** Obvious slips of the scan that the data corrects (OCR "l" for "I", typos). */
const CORRECTIONS: Array<[RegExp, string]> = [
  [/VNelD/g, 'VNeID'],
  [/Triền khai/g, 'Triển khai'],
  [/đề nâng cao/g, 'để nâng cao'],
  [/an toàn\. bảo mật/g, 'an toàn, bảo mật'],
  [/\(end use\)/g, '(end user)'],
  [/Call Centrer/g, 'Call Center'],
];
const corrected = (text: string) => CORRECTIONS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);

function sectionOf(number: number): string {
  const start = FLAT.indexOf(`Mô hình ${number}:`);
  const next = number < 43 ? FLAT.indexOf(`Mô hình ${number + 1}:`) : FLAT.indexOf('IV. KINH PHÍ');
  assert.ok(start >= 0 && next > start, `model ${number} heading in the seed`);
  return FLAT.slice(start, next);
}

describe('the plan of August 2023 as data (seed section III and V.2)', () => {
  it('has 43 models in 5 groups of 5, 17, 11, 3 and 7, as the plan says', () => {
    assert.equal(PLAN_MODELS.length, 43);
    assert.deepEqual(
      PLAN_MODELS.map((model) => model.number),
      Array.from({ length: 43 }, (_, index) => index + 1),
    );
    assert.deepEqual(
      PLAN_GROUPS.map((group) => PLAN_MODELS.filter((model) => model.group === group.number).length),
      [5, 17, 11, 3, 7],
    );
    assert.deepEqual(
      PLAN_GROUPS.map((group) => group.declaredModels),
      [5, 17, 11, 3, 7],
    );
    assert.match(FLAT, /được triển khai bằng 43 Mô hình/);
  });

  it('matches the group headings of section III and their declared sizes', () => {
    const headings = [...FLAT.matchAll(/ (\d)\. (Nhóm [^()]*?) \((?:bao gồm )?(\d+) mô hình\)/g)].map((match) => ({
      number: Number(match[1]),
      title: match[2]!.trim(),
      declared: Number(match[3]),
    }));
    assert.deepEqual(
      headings.map((heading) => [heading.number, heading.declared]),
      [
        [1, 5],
        [2, 17],
        [3, 11],
        [4, 3],
        [5, 7],
      ],
    );
    for (const heading of headings) assert.equal(PLAN_GROUPS[heading.number - 1]!.title.vi, heading.title);
  });

  it('puts every model in the group and section of its heading', () => {
    const found = [...FLAT.matchAll(/(\d)\.(\d{1,2})\. Mô hình (\d{1,2}):/g)].map((match) => ({ group: Number(match[1]), index: Number(match[2]), number: Number(match[3]) }));
    assert.equal(found.length, 43);
    for (const heading of found) {
      const model = PLAN_MODELS[heading.number - 1]!;
      assert.equal(model.group, heading.group, `model ${heading.number}`);
      assert.equal(model.section, `${heading.group}.${heading.index}`, `model ${heading.number}`);
    }
  });

  it('writes each title as the plan does (scan slips corrected)', () => {
    for (const model of PLAN_MODELS) {
      const title = corrected(sectionOf(model.number)).slice(`Mô hình ${model.number}: `.length);
      assert.ok(title.startsWith(model.title.vi), `model ${model.number}: "${model.title.vi}" is not how the plan begins "${title.slice(0, 120)}"`);
      assert.ok(model.title.en.length > 10, `model ${model.number} has an English rendering`);
    }
  });

  it('keeps each deadline as written, and parses all but the one the plan leaves open', () => {
    for (const model of PLAN_MODELS) {
      const written = /Thời gian (?:hoàn thành|triển khai(?: thực hiện)?): (.+?)(?= - | \d\.(?:\d{1,2}\.)? [A-ZĐ]|$)/.exec(sectionOf(model.number));
      if (model.number === 1) {
        assert.equal(written, null, 'model 1 has no deadline in the plan');
        assert.equal(parseDeadline(model.deadline).kind, 'unscheduled');
        continue;
      }
      assert.ok(written, `model ${model.number} has a deadline line`);
      const text = written[1]!.replace(/\s+\d\.(?:\d{1,2}\.)?\s*$/, '').trim().replace(/\.$/, '');
      assert.equal(text, model.deadline, `model ${model.number}`);
      assert.notEqual(parseDeadline(model.deadlineCorrection?.text ?? model.deadline).kind, 'unscheduled', `model ${model.number}: ${model.deadline}`);
    }
  });

  it('assigns the 24 pilots of section V.2 to six units: 13, 6, 2, 1, 1, 1', () => {
    const lines = [...FLAT.matchAll(/\+ ((?:Phòng|Công an)[^+:]*?) gồm (\d+) mô hình: số ([\d;, ]+)/g)];
    const normalise = (name: string) =>
      name
        .toLowerCase()
        .replace(/oá/g, 'óa')
        .replace(/[–-]/g, ' ')
        .replace(/\s+/g, ' ')
        .replace(/ duy tiên$/, '')
        .replace(/ thị xã$/, '')
        .trim();
    const seedPilots = lines.map((match) => {
      const unit = PLAN_UNITS.find((candidate) => normalise(candidate.name.vi) === normalise(match[1]!));
      assert.ok(unit, `unit "${match[1]}" of section V.2 is a unit record`);
      const numbers = match[3]!
        .split(/[;,]/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map(Number);
      assert.equal(numbers.length, Number(match[2]), `${match[1]}: count as stated`);
      return [unit.id, numbers] as const;
    });
    assert.deepEqual(Object.fromEntries(seedPilots), PILOT_ASSIGNMENT_2023_08);
    assert.deepEqual(
      Object.values(PILOT_ASSIGNMENT_2023_08).map((numbers) => numbers.length),
      [13, 6, 2, 1, 1, 1],
    );
    assert.match(FLAT, /24 mô hình điểm Đề án 06 trong tháng 8 năm 2023/);
    for (const [unitId, numbers] of Object.entries(PILOT_ASSIGNMENT_2023_08)) {
      for (const number of numbers) {
        const model = PLAN_MODELS[number - 1]!;
        assert.equal(model.leadUnitId, unitId, `pilot model ${number} is led by its V.2 unit`);
        assert.equal(model.leadBasis, 'pilot_2023', `model ${number}`);
      }
    }
    const pilots = new Set(Object.values(PILOT_ASSIGNMENT_2023_08).flat());
    assert.equal(pilots.size, 24);
    for (const model of PLAN_MODELS) if (!pilots.has(model.number)) assert.notEqual(model.leadBasis, 'pilot_2023', `model ${model.number}`);
  });

  it('refers only to unit records and known tools', () => {
    const units = new Set(PLAN_UNITS.map((unit) => unit.id));
    assert.equal(units.size, PLAN_UNITS.length, 'unit ids are unique');
    for (const model of PLAN_MODELS) {
      assert.ok(units.has(model.leadUnitId), `model ${model.number} lead`);
      for (const unitId of model.coordinatingUnitIds) assert.ok(units.has(unitId), `model ${model.number} coordinator ${unitId}`);
      assert.ok(!model.coordinatingUnitIds.includes(model.leadUnitId), `model ${model.number} does not coordinate with itself`);
      for (const tool of model.tools) assert.ok(tool in TOOLS, `model ${model.number} tool ${tool}`);
    }
    for (const link of PROPOSED_SUCCESSIONS_2025) {
      assert.ok(units.has(link.predecessorId) && units.has(link.successorId), `${link.predecessorId} → ${link.successorId}`);
    }
    assert.equal(PLAN_UNITS.filter((unit) => unit.standingAgency).length, 1, 'one standing agency (section V.3: the town police)');
    const tools = new Set(PLAN_MODELS.flatMap((model) => model.tools));
    for (const named of ['vneid', 'chip_id_card', 'asm', 'ioc', 'lgsp', 'kiosk', 'citizen_app', 'soc']) assert.ok(tools.has(named as keyof typeof TOOLS), named);
  });

  it('corrects the evident typo in model 25’s deadline and says why', () => {
    const model = PLAN_MODELS[24]!;
    assert.equal(model.deadline, '30/12/2013');
    assert.match(sectionOf(25), /30\/12\/2013/);
    assert.equal(model.deadlineCorrection?.text, '30/12/2023');
    assert.deepEqual(parseDeadline(model.deadlineCorrection!.text), { kind: 'date', due: '2023-12-30', continuing: false, qualifier: null });
  });
});
