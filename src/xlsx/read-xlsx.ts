/**
 * readXlsx: ./read-package's reader with fflate as the default unzip (the browser preview, tests).
 * sdp-check calls readXlsxWith with yauzl itself, so the command line never loads fflate.
 */
import { readXlsxWith, type ReadOptions, type XlsxWorkbook } from "./read-package";
import { unzipWithFflate } from "./unzip-fflate";

export type { ReadOptions, XlsxWorkbook } from "./read-package";

export function readXlsx(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<XlsxWorkbook> {
  const { unzip = unzipWithFflate, ...rest } = options;
  return readXlsxWith(data, unzip, rest);
}
