/** What Excel displays for a cell, derived simply from its value and number format. */
import type { CellValue } from "../core/grid";
import { MONTH_NAMES as MONTHS, SHORT_MONTH_NAMES } from "../core/month-names";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const EPOCH = Date.UTC(1899, 11, 30);

/** True when the format shows a date (has d or y, or m outside a time). */
function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

function formatDate(serial: number, format: string): string {
  const d = new Date(EPOCH + Math.floor(serial) * 86_400_000);
  const day = d.getUTCDate();
  const month = d.getUTCMonth();
  const year = d.getUTCFullYear();
  return format.replace(
    /"([^"]*)"|\\(.)|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d/gi,
    (token, lit?: string, esc?: string) => {
      if (lit !== undefined) return lit;
      if (esc !== undefined) return esc;
      switch (token.toLowerCase()) {
        case "yyyy":
          return String(year);
        case "yy":
          return String(year % 100).padStart(2, "0");
        case "mmmm":
          return MONTHS[month];
        case "mmm":
          return SHORT_MONTH_NAMES[month];
        case "mm":
          return String(month + 1).padStart(2, "0");
        case "m":
          return String(month + 1);
        case "dddd":
          return DAYS[d.getUTCDay()];
        case "ddd":
          return DAYS[d.getUTCDay()].slice(0, 3);
        case "dd":
          return String(day).padStart(2, "0");
        default:
          return String(day);
      }
    },
  );
}

export function displayText(value: CellValue, numberFormat: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (numberFormat !== "General" && numberFormat !== "@" && isDateFormat(numberFormat) && value >= 1)
    return formatDate(value, numberFormat);
  if (/%$/.test(numberFormat)) return `${Math.round(value * 100)}%`;
  return String(value);
}
