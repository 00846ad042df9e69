/**
 * RequestContext of the in-memory Excel: every load, setter and method call queues an
 * operation; sync() runs them in order. An operation that fails stops the batch and
 * rejects sync() with an Office-like error; operations before it HAVE taken effect (Office.js
 * has no transactions). Loaded values become readable only when the whole sync succeeded.
 */
import { MemoryOfficeError } from "./errors";
import type { MemSheet, MemoryWorkbook } from "./state";
import type { RangeTarget } from "./targets";
import { WorkbookProxy } from "./workbook";

export interface QueuedOp {
  /** What a real request would carry (values and formulas written): counted in the request size. */
  request?: unknown;
  /** Runs at sync time; its return value is the response payload (counted in the response size). */
  run(): unknown;
  /** Receives the response once the whole sync succeeded. */
  deliver?(response: unknown): void;
}

/** Bytes an operation costs besides what it carries (object path, method name, ids), whatever the adapter estimates. */
const OP_OVERHEAD_BYTES = 64;
const encoder = new TextEncoder();

/**
 * The fake's own measure of a payload: UTF-8 bytes of what it carries plus a fixed cost per
 * operation. Deliberately NOT the adapter's model (JSON characters): "£", "é" and emoji cost 2-4
 * bytes on the wire, so a test that passes here was not shaped by the same arithmetic the adapter
 * uses to size its parts. Excel on the web caps both directions at 5 MB (Learn: "Resource limits
 * and performance optimization for Office Add-ins", "Excel add-ins: payload size limit").
 */
function payloadBytes(value: unknown): number {
  if (value === undefined) return 0;
  const json = JSON.stringify(value);
  return json === undefined ? 0 : encoder.encode(json).length + OP_OVERHEAD_BYTES;
}

export class RuntimeProxy {
  constructor(private readonly context: MemoryRequestContext) {}
  set enableEvents(on: boolean) {
    const memory = this.context.memory;
    this.context.enqueue({ request: on, run: () => void (memory.eventsEnabled = on) });
  }
  get enableEvents(): boolean {
    return this.context.memory.eventsEnabled;
  }
}

export class MemoryRequestContext {
  readonly workbook: WorkbookProxy;
  readonly runtime: RuntimeProxy;
  private queue: QueuedOp[] = [];

  constructor(readonly memory: MemoryWorkbook) {
    this.workbook = new WorkbookProxy(this);
    this.runtime = new RuntimeProxy(this);
  }

  enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  /** Throws AccessDenied for a write to a protected sheet or a read-only workbook. */
  /** Queues a write that runs at sync on the range `target` resolves to then, after the protection / read-only check. */
  enqueueRangeWrite(request: unknown, target: () => RangeTarget, apply: (t: RangeTarget) => void): void {
    this.enqueue({
      request,
      run: () => {
        const t = target();
        this.guardWrite(t.sheet);
        apply(t);
      },
    });
  }

  guardWrite(sheet: MemSheet | null): void {
    if (this.memory.readOnly)
      throw new MemoryOfficeError("AccessDenied", "The workbook is read-only. You can't make changes.");
    if (sheet?.protected) {
      throw new MemoryOfficeError(
        "AccessDenied",
        "The cell or chart that you're trying to change is on a protected sheet.",
        sheet.name,
      );
    }
    // Allowed: the first write of the batch keeps the image an undo goes back to (undo.ts).
    this.memory.undo.beforeWrite();
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const memory = this.memory;
    memory.syncCount += 1;
    await Promise.resolve();
    const record = {
      requestBytes: ops.reduce((sum, op) => sum + payloadBytes(op.request), 0),
      responseBytes: 0,
      error: null as string | null,
    };
    memory.syncLog.push(record);
    if (record.requestBytes > memory.payloadLimit) {
      record.error = "RequestPayloadSizeLimitExceeded";
      throw new MemoryOfficeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    }
    const responses: unknown[] = [];
    let failure: Error | null = null;
    // Operations before a failing one have taken effect, so they are an undo step too.
    const endUndoStep = memory.undo.beginSync();
    for (const op of ops) {
      try {
        responses.push(op.run());
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        break;
      }
    }
    endUndoStep();
    memory.calculationSuspended = false;
    // Events are raised after the batch, as separate messages (events.ts).
    memory.events.dispatch();
    if (failure !== null) {
      record.error = failure instanceof MemoryOfficeError ? failure.code : failure.message;
      throw failure;
    }
    record.responseBytes = responses.reduce<number>((sum, r) => sum + payloadBytes(r), 0);
    if (record.responseBytes > memory.payloadLimit) {
      // A too-large RESPONSE has its own code on Excel on the web (Learn: "Application-specific API
      // error handling": ResponsePayloadSizeLimitExceeded). The operations HAVE run (writes stick).
      record.error = "ResponsePayloadSizeLimitExceeded";
      throw new MemoryOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit.",
      );
    }
    ops.forEach((op, i) => op.deliver?.(responses[i]));
  }
}
