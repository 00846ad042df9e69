/**
 * A worker of the batch pool (./batch-pool): checks one workbook at a time, as the main thread
 * asks, and answers with the plain-data outcome (./check-one). Loaded only with worker_threads.
 */
import { parentPort } from "node:worker_threads";
import { checkOne, type CheckOneFlags, type WorkbookOutcome } from "./check-one";

export interface WorkerJob {
  id: number;
  file: string;
  flags: CheckOneFlags;
  today: string;
}

export type WorkerAnswer = { id: number; outcome: WorkbookOutcome } | { ready: true };

const port = parentPort;
if (!port) throw new Error("batch-worker.js runs only as a worker thread");
port.on("message", (job: WorkerJob) => {
  void checkOne(job.file, job.flags, job.today).then((outcome) => {
    const answer: WorkerAnswer = { id: job.id, outcome };
    port.postMessage(answer);
  });
});
// Loaded (the reader and the engine with it): from here on a failure is one workbook's, not the pool's.
port.postMessage({ ready: true } satisfies WorkerAnswer);
