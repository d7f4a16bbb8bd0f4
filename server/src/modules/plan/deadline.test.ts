import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dueDateOf, parseDeadline } from './deadline.ts';

describe('deadlines as the plan writes them ("Thời gian hoàn thành")', () => {
  it('reads a day, with or without a qualifier or a phase', () => {
    assert.deepEqual(parseDeadline('30/11/2023'), { kind: 'date', due: '2023-11-30', continuing: false, qualifier: null });
    assert.deepEqual(parseDeadline('30/9/2023.'), { kind: 'date', due: '2023-09-30', continuing: false, qualifier: null });
    assert.deepEqual(parseDeadline('30/12/2023 (Căn cứ tình hình thực tế ở địa phương)'), {
      kind: 'date',
      due: '2023-12-30',
      continuing: false,
      qualifier: 'Căn cứ tình hình thực tế ở địa phương',
    });
    assert.equal(dueDateOf(parseDeadline('Giai đoạn 1 trước 30/12/2023')), '2023-12-30');
    assert.deepEqual(parseDeadline('30/12/2023 và những năm tiếp theo'), { kind: 'date', due: '2023-12-30', continuing: true, qualifier: null });
  });

  it('reads quarters in Roman or Arabic numerals as their last day', () => {
    assert.equal(dueDateOf(parseDeadline('Quý I/2024')), '2024-03-31');
    assert.equal(dueDateOf(parseDeadline('Quý 1/2024')), '2024-03-31');
    assert.equal(dueDateOf(parseDeadline('Quý II/2024')), '2024-06-30');
    assert.equal(dueDateOf(parseDeadline('Quý IV/2025')), '2025-12-31');
    assert.equal(parseDeadline('Quý I/2024').kind, 'quarter');
  });

  it('reads "in the year" forms as 31 December of the last year named', () => {
    assert.deepEqual(parseDeadline('Trong năm 2023'), { kind: 'year', due: '2023-12-31', continuing: false, qualifier: null });
    assert.equal(dueDateOf(parseDeadline('Trong năm 2023 và năm 2024')), '2024-12-31');
    assert.equal(dueDateOf(parseDeadline('Trong năm 2023 và năm tiếp theo')), '2024-12-31');
    assert.deepEqual(parseDeadline('Trong năm 2023 và những năm tiếp theo'), { kind: 'year', due: '2023-12-31', continuing: true, qualifier: null });
    assert.deepEqual(parseDeadline('Trong năm 2023 (theo kết quả đầu tư thiết bị đọc QR, chíp)'), {
      kind: 'year',
      due: '2023-12-31',
      continuing: false,
      qualifier: 'theo kết quả đầu tư thiết bị đọc QR, chíp',
    });
  });

  it('reads continuous tasks and deadlines relative to an event', () => {
    assert.deepEqual(parseDeadline('Thực hiện thường xuyên'), { kind: 'recurring', recurrence: 'continuous' });
    assert.deepEqual(parseDeadline('03 tháng sau khi có hướng dẫn của Bộ Công an, Công an tỉnh'), {
      kind: 'relative',
      months: 3,
      trigger: 'có hướng dẫn của Bộ Công an, Công an tỉnh',
    });
    assert.equal(dueDateOf(parseDeadline('Thực hiện thường xuyên')), null);
  });

  it('leaves anything else unscheduled instead of guessing', () => {
    assert.deepEqual(parseDeadline('Theo lộ trình Đề án 06/CP'), { kind: 'unscheduled' });
    assert.deepEqual(parseDeadline('31/02/2024'), { kind: 'unscheduled' }, 'no 31 February');
    assert.deepEqual(parseDeadline(''), { kind: 'unscheduled' });
    assert.deepEqual(parseDeadline('Quý V/2024'), { kind: 'unscheduled' });
  });

  it('does not care about decomposed Unicode or extra spaces', () => {
    assert.equal(dueDateOf(parseDeadline('  Quý  I/2024 '.normalize('NFD'))), '2024-03-31');
    assert.deepEqual(parseDeadline('Thực hiện   thường xuyên'.normalize('NFD')), { kind: 'recurring', recurrence: 'continuous' });
  });
});
