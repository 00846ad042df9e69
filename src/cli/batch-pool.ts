/**
 * Checks the workbooks of a batch, `jobs` at a time. With one job, in this thread, one after
 * the other; with more, in a pool of worker threads (node:worker_threads), each checking one
 * workbook at a time, so a 2-core machine reads two workbooks at once. Memory stays bounded:
 * at most `jobs` workbooks are in memory at once (each within the reader's own limits).
 *
 * Outcomes come back in the order of the files given, whatever order they finish in. A worker
 * that dies (out of memory on one huge workbook, say) costs only the workbook it held: that one
 * is reported as not read, and a fresh worker takes the rest. If the worker script itself cannot
 * be started, that is an error for every workbook, never a silent fall-back to one at a time.
 */
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type * as CheckOne from "./check-one";
import type { CheckOneFlags, WorkbookOutcome } from "./check-one";
import type { WorkerAnswer, WorkerJob } from "./batch-worker";

export interface PoolOptions {
  flags: CheckOneFlags;
  today: string;
  jobs: number;
  /** Called as each workbook starts and ends (done counts finished workbooks). */
  onProgress?: (done: number, total: number, current: string) => void;
  /** The worker script (default: batch-worker.js beside this file, as built into dist-cli). */
  workerScript?: string;
  /** In-thread runs only: how a file is read (tests). */
  readFile?: (path: string) => Promise<Uint8Array>;
}

/**
 * The default pool size: 2 workbooks at once when the machine has a core to spare, else 1.
 * Measured (tests/bench/batch.bench.ts): the pool costs about 1.4 x the CPU time of one thread
 * (each worker loads and warms the reader and the engine itself), so it only shortens the wall
 * time when a second core is actually free; on a machine already busy (1-minute load average at
 * or above the cores less one) it is slower, and one at a time is the default there. --jobs
 * overrides. os.loadavg() is [0, 0, 0] on Windows, where the pool is therefore the default.
 */
export function defaultJobs(cores = availableParallelism(), load = loadavg()[0]): number {
  if (cores < 2) return 1;
  return load < cores - 1 ? 2 : 1;
}

export async function checkAll(files: readonly string[], options: PoolOptions): Promise<WorkbookOutcome[]> {
  const jobs = Math.max(1, Math.min(options.jobs, files.length));
  return jobs === 1 ? inThread(files, options) : inWorkers(files, options, jobs);
}

async function inThread(files: readonly string[], options: PoolOptions): Promise<WorkbookOutcome[]> {
  // Loaded only here: with a pool, the reader and the engine load in the workers, not in this thread too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkOne } = require("./check-one") as typeof CheckOne;
  const out: WorkbookOutcome[] = [];
  for (const file of files) {
    options.onProgress?.(out.length, files.length, file);
    out.push(await checkOne(file, options.flags, options.today, options.readFile));
  }
  options.onProgress?.(out.length, files.length, "");
  return out;
}

function lostOutcome(file: string, why: string): WorkbookOutcome {
  return {
    file,
    error: `${file}: internal error (the worker checking it stopped: ${why}): please report this.`,
    document: null,
    aliases: [],
  };
}

function inWorkers(files: readonly string[], options: PoolOptions, jobs: number): Promise<WorkbookOutcome[]> {
  const script = options.workerScript ?? join(__dirname, "batch-worker.js");
  const results: (WorkbookOutcome | undefined)[] = new Array<WorkbookOutcome | undefined>(files.length);
  let next = 0;
  let done = 0;
  let live = 0;
  return new Promise((resolve) => {
    const finish = (id: number, outcome: WorkbookOutcome) => {
      if (results[id] !== undefined) return;
      results[id] = outcome;
      done++;
      options.onProgress?.(done, files.length, "");
    };
    const start = () => {
      live++;
      const worker = new Worker(script);
      let current: number | null = null;
      const feed = () => {
        if (next >= files.length) {
          current = null;
          void worker.terminate();
          return;
        }
        current = next++;
        const job: WorkerJob = {
          id: current,
          file: files[current],
          flags: options.flags,
          today: options.today,
        };
        options.onProgress?.(done, files.length, files[current]);
        worker.postMessage(job);
      };
      let ready = false;
      worker.on("message", (answer: WorkerAnswer) => {
        if ("ready" in answer) {
          ready = true;
          return;
        }
        finish(answer.id, answer.outcome);
        feed();
      });
      let failed = false;
      worker.on("error", (error: Error) => {
        failed = true;
        if (current !== null) finish(current, lostOutcome(files[current], error.message.split("\n")[0]));
        current = null;
      });
      worker.on("exit", (code) => {
        live--;
        if (current !== null) finish(current, lostOutcome(files[current], `exit code ${code}`));
        // A worker that failed before it was ready cannot be started at all: do not start another.
        const unstartable = failed && !ready;
        if (unstartable) {
          while (next < files.length) {
            const id = next++;
            finish(id, lostOutcome(files[id], "the worker could not be started"));
          }
        } else if (next < files.length) start();
        if (live === 0 && done === files.length) resolve(results as WorkbookOutcome[]);
      });
      feed();
    };
    for (let k = 0; k < jobs; k++) start();
  });
}
