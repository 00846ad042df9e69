/**
 * .xlsx files written part by part in the test (fflate's zipSync): SpreadsheetML exactly as
 * given, for the cases exceljs cannot write (inline strings, shared formulas, phonetic text,
 * CDATA, t="d", row and column styles, the 1904 flag as "true").
 */
import { strToU8, zipSync, type Zippable } from "fflate";

interface SheetSpec {
  name: string;
  state?: "hidden" | "veryHidden";
  /** The worksheet part's children (cols, sheetData, mergeCells, hyperlinks…). */
  xml: string;
  /** Relationships of the sheet part (hyperlink targets), as Relationship elements. */
  rels?: string;
}

export interface BookSpec {
  sheets: SheetSpec[];
  /** The sst's si elements. */
  sharedStrings?: string[];
  /** styles.xml children (numFmts, fills, cellXfs…); a minimal default when absent. */
  styles?: string;
  /** workbookPr attributes, e.g. 'date1904="true"'. */
  workbookPr?: string;
  theme?: string;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const DEFAULT_STYLES = `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>`;

export function buildXlsx(book: BookSpec): Uint8Array {
  const files: Zippable = {};
  const put = (name: string, text: string) => (files[name] = strToU8(text));
  const sheetOverrides = book.sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetOverrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheets = book.sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${R_NS}><workbookPr ${book.workbookPr ?? ""}/><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`,
  );
  const n = book.sheets.length;
  const sheetRels = book.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${book.theme ? `<Relationship Id="rId${n + 3}" Type="${REL}/theme" Target="theme/theme1.xml"/>` : ""}</Relationships>`,
  );
  put(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${book.styles ?? DEFAULT_STYLES}</styleSheet>`,
  );
  const si = book.sharedStrings ?? [];
  put(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${si.length}" uniqueCount="${si.length}">${si.map((s) => `<si>${s}</si>`).join("")}</sst>`,
  );
  if (book.theme) put("xl/theme/theme1.xml", book.theme);
  book.sheets.forEach((s, i) => {
    put(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${R_NS}>${s.xml}</worksheet>`,
    );
    if (s.rels) {
      put(
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${s.rels}</Relationships>`,
      );
    }
  });
  return zipSync(files);
}
