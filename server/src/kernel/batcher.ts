/**
 * Coalesces concurrent calls into one database round trip (the pattern DataLoader made popular).
 *
 * Calls made during one turn of the event loop — under load, every request whose bytes arrived in the same poll — are
 * gathered and handed to `run` together on the next `setImmediate`; each caller gets its own result. An idle server
 * adds no delay (the batch of one runs right after the current turn). Fifty hotel tablets sending notices at once
 * cost a few statements instead of fifty.
 */
export interface Batcher<I, O> {
  (item: I): Promise<O>;
}

export function createBatcher<I, O>(run: (items: I[]) => Promise<O[]>, maxBatch = 500): Batcher<I, O> {
  let pending: Array<{ item: I; resolve: (value: O) => void; reject: (error: unknown) => void }> = [];
  let scheduled = false;

  function dispatch() {
    scheduled = false;
    while (pending.length > 0) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      run(batch.map((entry) => entry.item)).then(
        (results) => {
          if (results.length !== batch.length) throw new Error(`batch gave ${results.length} results for ${batch.length} items`);
          batch.forEach((entry, index) => entry.resolve(results[index]!));
        },
        (error: unknown) => batch.forEach((entry) => entry.reject(error)),
      ).catch((error: unknown) => batch.forEach((entry) => entry.reject(error)));
    }
  }

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(dispatch);
      }
    });
}
