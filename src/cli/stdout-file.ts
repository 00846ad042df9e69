/**
 * Text written to stdout when stdout is a regular file (`sdp-check --json plan.xlsx > report.json`):
 * encoded straight into one reused buffer and written with a synchronous write once it is full, so a
 * 34 MB --json document (20,000 actions) costs ~30 ms of writing instead of ~120 ms, when
 * process.stdout.write converts every 16 kB piece into a fresh buffer of its own (tests/bench
 * cli.bench.ts, --json). Only for a regular file: a pipe or a terminal keeps process.stdout, whose
 * writes may still hold the buffer when they return.
 */
import { fstatSync, writeSync } from "node:fs";

/** Bytes of one buffer: a 16 kB piece of text takes at most three bytes a character. */
const BUFFER_BYTES = 1 << 20;

export class BufferedWriter {
  private readonly buffer: Buffer;
  private at = 0;

  /** `sink` must be done with the bytes when it returns: the buffer is written over afterwards. */
  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    size = BUFFER_BYTES,
  ) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  write(text: string): void {
    // A UTF-16 code unit never takes more than three bytes of UTF-8 (a pair: four for two).
    const most = text.length * 3;
    if (this.at + most > this.buffer.length) this.flush();
    if (most > this.buffer.length) this.sink(Buffer.from(text, "utf8"));
    else this.at += this.buffer.write(text, this.at, "utf8");
  }

  flush(): void {
    if (this.at === 0) return;
    this.sink(this.buffer.subarray(0, this.at));
    this.at = 0;
  }
}

/** Writes all of `bytes` to the descriptor (a write may take only part of them). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** A synchronous byte sink for stdout when it is a regular file, else null. */
export function stdoutFileSink(): ((bytes: Uint8Array) => void) | null {
  try {
    return fstatSync(1).isFile() ? (bytes) => writeAll(1, bytes) : null;
  } catch {
    return null; // no stdout at all: process.stdout reports it
  }
}
