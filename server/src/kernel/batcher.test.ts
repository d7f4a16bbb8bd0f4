import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBatcher } from './batcher.ts';

describe('batcher: concurrent calls share one round trip', () => {
  it('runs the calls of one turn together and gives each caller its own result', async () => {
    const runs: number[][] = [];
    const double = createBatcher(async (items: number[]) => {
      runs.push(items);
      return items.map((item) => item * 2);
    });
    const results = await Promise.all([1, 2, 3].map((item) => double(item)));
    assert.deepEqual(results, [2, 4, 6]);
    assert.deepEqual(runs, [[1, 2, 3]]);
    assert.equal(await double(5), 10);
    assert.deepEqual(runs, [[1, 2, 3], [5]]);
  });

  it('splits batches at the maximum size', async () => {
    const sizes: number[] = [];
    const echo = createBatcher(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    }, 4);
    await Promise.all(Array.from({ length: 10 }, (_, index) => echo(index)));
    assert.deepEqual(sizes, [4, 4, 2]);
  });

  it('rejects every caller of a failed batch, and only those', async () => {
    let fail = true;
    const flaky = createBatcher(async (items: string[]) => {
      if (fail) throw new Error('database down');
      return items;
    });
    const first = await Promise.allSettled([flaky('a'), flaky('b')]);
    assert.deepEqual(first.map((result) => result.status), ['rejected', 'rejected']);
    fail = false;
    assert.equal(await flaky('c'), 'c');
  });

  it('refuses a run that answers the wrong number of results', async () => {
    const broken = createBatcher(async (_items: number[]) => [1]);
    await assert.rejects(Promise.all([broken(1), broken(2)]), /2 items/);
  });
});
