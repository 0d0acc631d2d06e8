// Work a request asks for but does not wait for: it starts once the answer has gone, so how long it
// takes cannot tell the person asking anything (for example whether an address has an account).
// Graceful shutdown waits for it (app/server/index.ts).
const pending = new Set<Promise<void>>();

export function runAfterResponse(label: string, work: () => Promise<unknown>) {
  const task: Promise<void> = new Promise((resolve) => setImmediate(resolve))
    .then(work)
    .then(
      () => undefined,
      (error) => console.error(`${label} failed:`, error),
    )
    .finally(() => pending.delete(task));
  pending.add(task);
}

/** Resolves when the work started so far has finished (for shutdown and tests). */
export async function afterResponseWorkDone() {
  while (pending.size) await Promise.all([...pending]);
}
