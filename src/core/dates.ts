/**
 * Calendar days without time zones. Every date in the engine is an IsoDate ("YYYY-MM-DD");
 * arithmetic goes through date-fns on UTCDate, so the machine's time zone never shifts a day.
 * date-fns is imported function by function: loading the whole package cost sdp-check ~100 ms
 * on every run, these few modules ~20 ms. UTCDateMini, not UTCDate: the same UTC getters and
 * setters without the formatting methods, whose three Intl.DateTimeFormat objects (made when the
 * module loads) cost sdp-check ~15-25 ms of start-up; no date here is ever formatted by Date.
 */
import { UTCDateMini as UTCDate } from "@date-fns/utc/date/mini";
import { addDays as fnsAddDays } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { isValid } from "date-fns/isValid";
import { lastDayOfMonth } from "date-fns/lastDayOfMonth";
import type { IsoDate, PlanYear } from "./model";
import { monthOf, yearOf } from "./day-text";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The IsoDate of year / month (1-12) / day, or null when that day does not exist (31 June). */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const d = new UTCDate(year, month - 1, day);
  if (!isValid(d) || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return toIso(d);
}

function toIso(d: Date): IsoDate {
  const y = String(d.getUTCFullYear()).padStart(4, "0");
  const m = String(d.getUTCMonth() + 1).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

function fromIso(date: IsoDate): Date {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return new UTCDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** True for a real calendar day written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  return !!m && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

/** The last day of a month (1-12). */
export function endOfMonth(year: number, month: number): IsoDate {
  return toIso(lastDayOfMonth(new UTCDate(year, month - 1, 1)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toIso(fnsAddDays(fromIso(date), days));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(fromIso(to), fromIso(from));
}

/**
 * Excel serials count days from 1900-01-01 = 1, and keep Lotus 1-2-3's fictitious 29 February
 * 1900 as serial 60. So from serial 61 (1 March 1900) on, day 0 is 1899-12-30; below 60 it is
 * 1899-12-31; serial 60 names no real day.
 */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The calendar day of an Excel date serial (any time of day is dropped); null outside 1900-9999. */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const day = Math.floor(serial);
  if (day === 60) return null;
  const offset = day < 60 ? day + 1 : day;
  return toIso(new Date(EXCEL_EPOCH_MS + offset * DAY_MS));
}

export function toExcelSerial(date: IsoDate): number {
  const days = Math.round((fromIso(date).getTime() - EXCEL_EPOCH_MS) / DAY_MS);
  return days <= 60 ? days - 1 : days;
}

/** The UK financial year (1 April to 31 March) that contains a day. */
export function financialYearOf(date: IsoDate): PlanYear {
  const y = yearOf(date);
  const first = monthOf(date) >= 4 ? y : y - 1;
  return { start: `${first}-04-01`, end: `${first + 1}-03-31` };
}

/** Today's calendar day on this machine's clock (the user's local day, as Excel's TODAY()). */
export function todayIso(now: Date = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? toIso(now);
}
