/** The browser's unzip: fflate (Node-free). Its own module, so sdp-check (yauzl) never loads fflate. */
import { unzipSync } from "fflate";
import type { Unzip, ZipEntry } from "./zip";

/** fflate, whole entries at once (fine for the files a browser opens). Node-free. */
export const unzipWithFflate: Unzip = (bytes) => {
  const entries = new Map<string, ZipEntry>();
  // The filter sees each central-directory record; answering false inflates nothing.
  unzipSync(bytes, {
    filter: (file) => {
      entries.set(file.name, { name: file.name, uncompressedSize: file.originalSize });
      return false;
    },
  });
  return Promise.resolve({
    entries,
    read(name, onData) {
      // fflate inflates into a buffer of the declared size: a part cannot grow past what was checked.
      const files = unzipSync(bytes, { filter: (file) => file.name === name });
      const data = files[name];
      if (data === undefined) return Promise.reject(new Error(`no zip entry ${name}`));
      const step = 1 << 16;
      for (let at = 0; at < data.length; at += step) onData(data.subarray(at, at + step));
      return Promise.resolve();
    },
  });
};
