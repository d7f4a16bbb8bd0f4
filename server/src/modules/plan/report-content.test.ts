import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveFigure } from './figures.ts';
import { applyInput, FigureLabelMissing, missingForSubmission, prefillFigures, type ReportContent } from './report-content.ts';

const empty: ReportContent = { implementationStatus: null, progressPercent: null, results: '', figures: [], difficulties: '', proposals: '' };
const live: LiveFigure[] = [{ key: 'registry.eid_level2_share', label: { vi: 'Tỷ lệ mức 2', en: 'Level-2 share' }, unit: '%', value: 71.5, error: null }];

describe('what a monthly report says', () => {
  it('prefills live figures and marks a typed-over value as manual', () => {
    const prefilled = { ...empty, figures: prefillFigures(live) };
    assert.deepEqual(prefilled.figures, [{ key: 'registry.eid_level2_share', label: { vi: 'Tỷ lệ mức 2', en: 'Level-2 share' }, unit: '%', value: 71.5, source: 'live' }]);
    const typed = applyInput(prefilled, { figures: [{ key: 'registry.eid_level2_share', value: 72, label: 'ignored for live keys' }] }, live);
    assert.equal(typed.figures[0]!.source, 'manual');
    assert.equal(typed.figures[0]!.label.vi, 'Tỷ lệ mức 2', 'a live figure keeps its own label');
    const back = applyInput(typed, { figures: [{ key: 'registry.eid_level2_share', value: 71.5 }] }, live);
    assert.equal(back.figures[0]!.source, 'live');
  });

  it('needs a label and a unit for a new figure the platform does not compute', () => {
    assert.throws(() => applyInput(empty, { figures: [{ key: 'kiosks', value: 3 }] }, live), FigureLabelMissing);
    const added = applyInput(empty, { figures: [{ key: 'kiosks', value: 3, label: 'Số kiosk đã lắp', unit: 'kiosk' }] }, live);
    assert.deepEqual(added.figures, [{ key: 'kiosks', label: { vi: 'Số kiosk đã lắp', en: 'Số kiosk đã lắp' }, unit: 'kiosk', value: 3, source: 'manual' }]);
    const updated = applyInput(added, { figures: [{ key: 'kiosks', value: 4 }] }, live);
    assert.equal(updated.figures[0]!.value, 4, 'a known manual figure keeps its label');
  });

  it('keeps fields that are not sent, and stores text in NFC, trimmed', () => {
    const first = applyInput(empty, { results: '  Đã lắp 3 kiosk '.normalize('NFD'), progressPercent: 40 }, []);
    assert.equal(first.results, 'Đã lắp 3 kiosk');
    assert.equal(first.results, first.results.normalize('NFC'));
    const second = applyInput(first, { difficulties: 'Thiếu kinh phí' }, []);
    assert.equal(second.results, 'Đã lắp 3 kiosk');
    assert.equal(second.progressPercent, 40);
  });

  it('refuses to submit without status, progress and results, and checks status against the rest', () => {
    assert.deepEqual(missingForSubmission(empty), ['implementationStatus', 'progressPercent']);
    assert.deepEqual(missingForSubmission({ ...empty, implementationStatus: 'in_progress', progressPercent: 50 }), ['results']);
    assert.deepEqual(missingForSubmission({ ...empty, implementationStatus: 'not_started', progressPercent: 0 }), [], 'nothing to report yet is a report');
    assert.deepEqual(missingForSubmission({ ...empty, implementationStatus: 'completed', progressPercent: 90, results: 'x' }), ['progressPercent (hoàn thành = 100 %)']);
    assert.deepEqual(missingForSubmission({ ...empty, implementationStatus: 'blocked', progressPercent: 30, results: 'x' }), ['difficulties']);
  });
});
