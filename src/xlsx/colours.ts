/**
 * Cell fill colours as "#RRGGBB": ARGB, Office theme colours (with tint) and the legacy
 * 64-colour indexed palette. No Node APIs (runs in the browser preview too).
 */

/** Office 2013+ default theme, in Excel's theme-index order (0 lt1, 1 dk1, 2 lt2, 3 dk2, 4-9 accents). */
export const DEFAULT_THEME: readonly string[] = [
  "#FFFFFF",
  "#000000",
  "#E7E6E6",
  "#44546A",
  "#4472C4",
  "#ED7D31",
  "#A5A5A5",
  "#FFC000",
  "#5B9BD5",
  "#70AD47",
  "#0563C1",
  "#954F72",
];

/** The legacy indexed palette (indices 0-63); 64/65 are the system foreground/background. */
const INDEXED: readonly string[] = [
  "000000",
  "FFFFFF",
  "FF0000",
  "00FF00",
  "0000FF",
  "FFFF00",
  "FF00FF",
  "00FFFF",
  "000000",
  "FFFFFF",
  "FF0000",
  "00FF00",
  "0000FF",
  "FFFF00",
  "FF00FF",
  "00FFFF",
  "800000",
  "008000",
  "000080",
  "808000",
  "800080",
  "008080",
  "C0C0C0",
  "808080",
  "9999FF",
  "993366",
  "FFFFCC",
  "CCFFFF",
  "660066",
  "FF8080",
  "0066CC",
  "CCCCFF",
  "000080",
  "FF00FF",
  "FFFF00",
  "00FFFF",
  "800080",
  "800000",
  "008080",
  "0000FF",
  "00CCFF",
  "CCFFFF",
  "CCFFCC",
  "FFFF99",
  "99CCFF",
  "FF99CC",
  "CC99FF",
  "FFCC99",
  "3366FF",
  "33CCCC",
  "99CC00",
  "FFCC00",
  "FF9900",
  "FF6600",
  "666699",
  "969696",
  "003366",
  "339966",
  "003300",
  "333300",
  "993300",
  "993366",
  "333399",
  "333333",
];

/** What exceljs gives for a colour (its types are loose; every field may be absent). */
export interface RawColour {
  argb?: unknown;
  theme?: unknown;
  tint?: unknown;
  indexed?: unknown;
}

/**
 * Reads the theme's colour scheme from theme1.xml (dk1, lt1, dk2, lt2, accent1-6, hlink,
 * folHlink) into theme-index order. Falls back to the Office default for anything missing.
 */
export function themeFromXml(xml: string | undefined): string[] {
  const theme = [...DEFAULT_THEME];
  if (!xml) return theme;
  const scheme = /<a:clrScheme\b[\s\S]*?<\/a:clrScheme>/.exec(xml)?.[0];
  if (!scheme) return theme;
  const slots: [string, number][] = [
    ["lt1", 0],
    ["dk1", 1],
    ["lt2", 2],
    ["dk2", 3],
    ["accent1", 4],
    ["accent2", 5],
    ["accent3", 6],
    ["accent4", 7],
    ["accent5", 8],
    ["accent6", 9],
    ["hlink", 10],
    ["folHlink", 11],
  ];
  for (const [tag, index] of slots) {
    const block = new RegExp(`<a:${tag}>([\\s\\S]*?)</a:${tag}>`).exec(scheme)?.[1];
    if (!block) continue;
    const hex =
      /srgbClr\s+val="([0-9A-Fa-f]{6})"/.exec(block)?.[1] ?? /lastClr="([0-9A-Fa-f]{6})"/.exec(block)?.[1];
    if (hex) theme[index] = `#${hex.toUpperCase()}`;
  }
  return theme;
}

/** The colour as "#RRGGBB", or null when it names none we can resolve. */
export function resolveColour(
  colour: RawColour | undefined,
  theme: readonly string[] = DEFAULT_THEME,
): string | null {
  if (!colour) return null;
  let base: string | null = null;
  if (typeof colour.argb === "string" && /^[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/.test(colour.argb)) {
    base = `#${colour.argb.slice(-6).toUpperCase()}`;
  } else if (typeof colour.theme === "number") {
    base = theme[colour.theme] ?? null;
  } else if (typeof colour.indexed === "number") {
    const hex = INDEXED[colour.indexed];
    base = hex ? `#${hex}` : null;
  }
  if (base === null) return null;
  return typeof colour.tint === "number" && colour.tint !== 0 ? applyTint(base, colour.tint) : base;
}

/** Excel's tint: lightens (tint > 0) or darkens (tint < 0) the colour's HSL lightness. */
export function applyTint(hex: string, tint: number): string {
  const [h, s, l] = rgbToHsl(hexToRgb(hex));
  const lum = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  return rgbToHex(hslToRgb([h, s, Math.min(1, Math.max(0, lum))]));
}

type Triple = [number, number, number];

function hexToRgb(hex: string): Triple {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex([r, g, b]: Triple): string {
  return `#${[r, g, b]
    .map((v) => Math.round(v).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase()}`;
}

function rgbToHsl([r8, g8, b8]: Triple): Triple {
  const r = r8 / 255,
    g = g8 / 255,
    b = b8 / 255;
  const max = Math.max(r, g, b),
    min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return [h / 6, s, l];
}

function hslToRgb([h, s, l]: Triple): Triple {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number): number => {
    const t = t0 < 0 ? t0 + 1 : t0 > 1 ? t0 - 1 : t0;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [channel(h + 1 / 3) * 255, channel(h) * 255, channel(h - 1 / 3) * 255];
}
