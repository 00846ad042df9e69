/**
 * The reader's unzip under Node: yauzl over the file's bytes (the central directory, each
 * entry's local header), with the inflating done by node:zlib in one of two ways:
 * - a part that declares at most `wholeUpTo` bytes (default 256 kB: the sheets of a 20,000-action
 *   plan, 143 kB each) is inflated in one synchronous call, bounded by the size it declares (zlib stops at
 *   `maxOutputLength`), and handed over whole. yauzl's streams (a read stream, an inflate stream
 *   and a byte-counting stream, piped, 16 kB at a time, a turn of the event loop each) cost more
 *   than the inflating: the 8 MB of XML of a 20,000-action plan inflated in ~110 ms CPU through
 *   them, ~20-60 ms in one call each (the whole read, cold, ~5% less CPU);
 * - a larger part is streamed through yauzl (validateEntrySizes), so a large sheet is parsed as
 *   it inflates, never held whole.
 * Either way a part cannot grow past the size the zip declares, which the reader has checked
 * against its limits before asking for the part.
 */
import { inflateRawSync } from "node:zlib";
import { fromBuffer, type Entry, type ZipFile } from "yauzl";
import { XlsxReadError } from "../xlsx/errors";
import type { Unzip, ZipEntry } from "../xlsx/zip";

/**
 * Parts declaring up to this many bytes are inflated whole (see above); larger ones stream. Small on
 * purpose: with 4 MB, a 100,000-action plan (forty 740 kB sheets, 12 MB of shared strings) peaked
 * at 407-419 MiB against 386-396 MiB streamed (the inflated buffers live outside the JS heap until
 * a collection frees them); its budget is 400 MiB.
 */
export const WHOLE_PART_BYTES = 256_000;

function open(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    ),
  );
}

function listEntries(zip: ZipFile, max: number): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on("entry", (entry: Entry) => {
      entries.set(entry.fileName, entry);
      // Past the bound the list stops: the reader refuses the zip for its number of entries.
      if (entries.size > max) resolve(entries);
      else zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

/** One entry inflated in one call, no larger than it declares (as yauzl's validateEntrySizes checks a stream). */
async function readWhole(zip: ZipFile, buffer: Buffer, entry: Entry): Promise<Buffer> {
  const method = entry.compressionMethod;
  if (method !== 0 && method !== 8) throw new Error(`unsupported compression method: ${method}`);
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  const end = fileDataStart + entry.compressedSize;
  if (end > buffer.length) throw new Error("entry data runs past the end of the file");
  const raw = buffer.subarray(fileDataStart, end);
  // Past maxOutputLength zlib stops and throws (ERR_BUFFER_TOO_LARGE): a lying size costs no more than it declared.
  const data =
    method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  if (data.length !== entry.uncompressedSize) {
    throw new Error(`entry holds ${data.length} bytes, not the ${entry.uncompressedSize} it declares`);
  }
  return data;
}

function readStreamed(zip: ZipFile, entry: Entry, onData: (chunk: Uint8Array) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      stream.on("data", (chunk: Buffer) => {
        try {
          onData(chunk);
        } catch (thrown) {
          stream.destroy();
          reject(thrown instanceof Error ? thrown : new Error(String(thrown)));
        }
      });
      stream.on("error", reject);
      stream.on("end", () => resolve());
    });
  });
}

/** yauzl + node:zlib; `wholeUpTo`: the largest declared size inflated in one call (tests set 0 to stream every part). */
export function unzipWithYauzl(maxEntries: number, wholeUpTo = WHOLE_PART_BYTES): Unzip {
  return async (bytes) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const zip = await open(buffer);
    const raw = await listEntries(zip, maxEntries);
    const entries = new Map<string, ZipEntry>();
    for (const [name, e] of raw) entries.set(name, { name, uncompressedSize: e.uncompressedSize });
    return {
      entries,
      read: async (name, onData) => {
        const entry = raw.get(name);
        if (!entry) throw new Error(`no zip entry ${name}`);
        if (entry.isEncrypted()) throw new XlsxReadError("encrypted");
        if (entry.uncompressedSize > wholeUpTo) return readStreamed(zip, entry, onData);
        onData(await readWhole(zip, buffer, entry));
      },
    };
  };
}
