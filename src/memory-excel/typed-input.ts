/**
 * Text written through Range.values is parsed as if the user typed it (Learn: "Set and get range
 * values, text, or formulas using the Excel JavaScript API"; OFFICE-JS-NOTES "Strings written
 * through values are parsed as if typed"). The fake plays an en-GB Excel (day before month), the
 * locale of this add-in's users. Only what the add-in could plausibly write is modelled: dates
 * (d/m, d/m/y, "Apr-24", "24-Apr"), percentages, pounds and thousands separators. Anything else
 * stays as the text it was. The caller keeps "@" (text) cells and a leading apostrophe as text.
 */
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export interface Typed {
  value: number;
  /** The number format Excel gives a General cell typed this way. */
  format: string;
}

function serial(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function fullYear(y: string): number {
  const n = Number(y);
  // Excel's two-digit year window: 00-29 are 2000-2029, 30-99 are 1930-1999.
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function decimals(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The typed value of `text`, or null when Excel would keep it as text. `year` is the current year. */
export function parseTyped(raw: string, year: number = new Date().getUTCFullYear()): Typed | null {
  const text = raw.trim();
  let m = /^(-?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/.exec(text);
  if (m) {
    const value = Number(`${m[1]}${m[2].replace(/,/g, "")}${m[3] ?? ""}`);
    return { value, format: m[3] ? "#,##0.00" : "#,##0" };
  }
  m = /^(-?\d+(?:\.\d+)?)%$/.exec(text);
  if (m) return { value: Number(m[1]) / 100, format: decimals(m[1]) > 0 ? "0.00%" : "0%" };
  m = /^(-?)£(\d{1,3}(?:,\d{3})*|\d+)(\.\d+)?$/.exec(text);
  if (m) {
    const value = Number(`${m[1]}${m[2].replace(/,/g, "")}${m[3] ?? ""}`);
    return { value, format: m[3] ? '"£"#,##0.00' : '"£"#,##0' };
  }
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(text);
  if (m) {
    const value = serial(m[3] ? fullYear(m[3]) : year, Number(m[2]), Number(m[1]));
    return value === null ? null : { value, format: m[3] ? "dd/mm/yyyy" : "d-mmm" };
  }
  m = /^([A-Za-z]{3,9})[- ](\d{1,4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
    if (month === 0) return null;
    const n = Number(m[2]);
    // "Apr-24": a number that can be a day is the day of this year; otherwise it is the year ("Apr-2024").
    const value =
      n >= 1 && n <= 31 && m[2].length <= 2 ? serial(year, month, n) : serial(fullYear(m[2]), month, 1);
    return value === null ? null : { value, format: n <= 31 && m[2].length <= 2 ? "d-mmm" : "mmm-yy" };
  }
  m = /^(\d{1,2})[- ]([A-Za-z]{3,9})(?:[- ](\d{2}|\d{4}))?$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
    if (month === 0) return null;
    const value = serial(m[3] ? fullYear(m[3]) : year, month, Number(m[1]));
    return value === null ? null : { value, format: m[3] ? "d-mmm-yy" : "d-mmm" };
  }
  return null;
}
