/** Fill colours as hue / saturation / lightness, for reading hand-coloured ratings. */

export interface Hsl {
  /** 0-360 degrees. */
  hue: number;
  /** 0-1. */
  saturation: number;
  /** 0-1. */
  lightness: number;
}

/** "#RRGGBB" (or "RRGGBB", or Excel's "FFRRGGBB" ARGB) as HSL; null when it is not a colour. */
export function toHsl(colour: string): Hsl | null {
  const rgb = toRgb(colour);
  if (!rgb) return null;
  const [r, g, b] = rgb.map((c) => c / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const delta = max - min;
  if (delta === 0) return { hue: 0, saturation: 0, lightness };
  const saturation = delta / (1 - Math.abs(2 * lightness - 1));
  let hue: number;
  if (max === r) hue = ((g - b) / delta) % 6;
  else if (max === g) hue = (b - r) / delta + 2;
  else hue = (r - g) / delta + 4;
  hue *= 60;
  if (hue < 0) hue += 360;
  return { hue, saturation, lightness };
}

function toRgb(colour: string): [number, number, number] | null {
  const hex = colour.trim().replace(/^#/, "");
  const six = /^[0-9a-fA-F]{8}$/.test(hex) ? hex.slice(2) : hex;
  if (!/^[0-9a-fA-F]{6}$/.test(six)) return null;
  return [parseInt(six.slice(0, 2), 16), parseInt(six.slice(2, 4), 16), parseInt(six.slice(4, 6), 16)];
}

/** Degrees between two hues on the colour wheel (0-180). */
export function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/** WCAG contrast ratio between two "#RRGGBB" colours (1-21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(colour: string): number {
  const rgb = toRgb(colour) ?? [0, 0, 0];
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Black or white, whichever has the higher WCAG contrast on `fill`. The higher of the two is
 * always at least 4.58:1 (the two ratios multiply to 21, so the higher is at least √21), so it meets AA for text.
 */
export function readableFont(fill: string): "#000000" | "#FFFFFF" {
  return contrastRatio(fill, "#000000") >= contrastRatio(fill, "#FFFFFF") ? "#000000" : "#FFFFFF";
}
