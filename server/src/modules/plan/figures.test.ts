import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkProviders, computeFigures, plannedFiguresFor, providersFor, type FigureProvider } from './figures.ts';

const provider = (key: string, modelNumbers: number[], compute: FigureProvider['compute']): FigureProvider => ({
  key,
  modelNumbers,
  label: { vi: key, en: key },
  unit: '%',
  compute,
});

describe('live figures bound to models', () => {
  it('refuses bad keys, duplicates and models outside the plan', () => {
    assert.throws(() => checkProviders([provider('Bad Key', [23], async () => 1)], 43), /dotted lower case/);
    assert.throws(() => checkProviders([provider('identity.x', [23], async () => 1), provider('identity.x', [9], async () => 1)], 43), /twice/);
    assert.throws(() => checkProviders([provider('identity.x', [44], async () => 1)], 43), /not in the plan/);
    assert.doesNotThrow(() => checkProviders([provider('identity.x', [23], async () => 1)], 43));
  });

  it('computes a model’s figures and turns a failure into a null with its reason', async () => {
    const providers = [
      provider('identity.share', [23], async (month) => (month === '2026-10' ? 72.5 : null)),
      provider('presence.broken', [23, 9], async () => {
        throw new Error('presence is down');
      }),
      provider('presence.nan', [23], async () => Number.NaN),
    ];
    const figures = await computeFigures(providers, 23, '2026-10');
    assert.deepEqual(
      figures.map((figure) => [figure.key, figure.value, figure.error]),
      [
        ['identity.share', 72.5, null],
        ['presence.broken', null, 'presence is down'],
        ['presence.nan', null, 'not a finite number'],
      ],
    );
    assert.deepEqual(await computeFigures(providers, 1, '2026-10'), [], 'a model without providers has no live figures');
    assert.equal(providersFor(providers, 9).length, 1);
  });

  it('lists the figures still waiting for their module, until a provider binds them', () => {
    assert.deepEqual(
      plannedFiguresFor([], 23).map((figure) => figure.key),
      ['registry.eid_level2_share'],
    );
    assert.deepEqual(plannedFiguresFor([provider('registry.eid_level2_share', [23], async () => 1)], 23), []);
    assert.deepEqual(plannedFiguresFor([], 28), [], 'no figure is planned for model 28');
  });
});
