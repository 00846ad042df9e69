/**
 * The reader's unzip under Node: yauzl over the file's bytes, each entry inflated as a stream
 * (so a large sheet is parsed as it inflates, never held whole). yauzl checks each entry's
 * inflated size against the size the zip declares, so a part cannot grow past what was checked.
 */
import { fromBuffer, type Entry, type ZipFile } from "yauzl";
import { XlsxReadError } from "../xlsx/errors";
import type { Unzip, ZipEntry } from "../xlsx/zip";

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

export function unzipWithYauzl(maxEntries: number): Unzip {
  return async (bytes) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const zip = await open(buffer);
    const raw = await listEntries(zip, maxEntries);
    const entries = new Map<string, ZipEntry>();
    for (const [name, e] of raw) entries.set(name, { name, uncompressedSize: e.uncompressedSize });
    return {
      entries,
      read: (name, onData) =>
        new Promise<void>((resolve, reject) => {
          const entry = raw.get(name);
          if (!entry) return reject(new Error(`no zip entry ${name}`));
          if (entry.isEncrypted()) return reject(new XlsxReadError("encrypted"));
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
        }),
    };
  };
}
