/**
 * Picks the Fluent theme matching Office's: dark, high contrast, or light (the default, and
 * outside Office). Only the light theme is in the pane's first chunk; the others are loaded
 * when Office asks for them.
 */
import { webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark" | "high-contrast";

export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return null;
  const channel = (h: string) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
}

/**
 * High contrast when the system forces colours (Windows contrast themes), or when Office's body is
 * black with white or yellow text (a light Office theme can also be pure black on white, so that
 * case is left to forcedColors). Dark when the body is darker than its text.
 */
export function themeNameFor(office: OfficeThemeColours | null | undefined, forcedColors = false): ThemeName {
  if (forcedColors) return "high-contrast";
  if (!office) return "light";
  const bg = luminance(office.bodyBackgroundColor);
  const fg = luminance(office.bodyForegroundColor);
  if (bg !== null && fg !== null) {
    const contrast = (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05);
    if (contrast >= 19 && bg < fg) return "high-contrast";
    if (bg < fg) return "dark";
  }
  return office.isDarkTheme ? "dark" : "light";
}

export async function loadTheme(name: ThemeName): Promise<Theme> {
  if (name === "light") return webLightTheme;
  const themes = await import(/* webpackChunkName: "themes" */ "./themes-extra.js");
  return name === "dark" ? themes.webDarkTheme : themes.teamsHighContrastTheme;
}
