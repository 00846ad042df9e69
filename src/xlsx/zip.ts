/**
 * The zip package under an .xlsx, as the reader sees it: a list of entries (from the zip's
 * central directory, before anything is inflated) and a way to inflate one entry in chunks.
 * The unzip itself is passed in, so src/xlsx uses no Node API: sdp-check gives yauzl
 * (src/cli/unzip-yauzl.ts, streaming), the browser preview fflate (./unzip-fflate.ts).
 */

export interface ZipEntry {
  name: string;
  /** The uncompressed size the zip declares (its central directory). */
  uncompressedSize: number;
}

export interface ZipArchive {
  entries: ReadonlyMap<string, ZipEntry>;
  /**
   * Inflates one entry, handing its bytes to `onData` in order. Rejects with whatever `onData`
   * throws (the reader throws to stop early, e.g. past a size bound), or when the entry is damaged.
   */
  read(name: string, onData: (chunk: Uint8Array) => void): Promise<void>;
}

export type Unzip = (bytes: Uint8Array) => Promise<ZipArchive>;

/** How much the reader reads before it refuses a workbook as too large (all adjustable, see ReadOptions). */
export interface ReadLimits {
  /** Uncompressed bytes of any one part (declared by the zip, or found while inflating). */
  maxPartBytes: number;
  /** Uncompressed bytes of all the parts read, together. */
  maxTotalBytes: number;
  /** Cells of the whole workbook: the cells stored in the file, and again the cells of the grid rows. */
  maxCells: number;
  /** Entries in the zip. */
  maxEntries: number;
}

const MB = 1_000_000;

/** 200 MB unpacked (a 100,000-action plan is about 40 MB), 2,000,000 cells, 10,000 zip entries. */
export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxPartBytes: 200 * MB,
  maxTotalBytes: 200 * MB,
  maxCells: 2_000_000,
  maxEntries: 10_000,
});
