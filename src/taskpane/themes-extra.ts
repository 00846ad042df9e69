/** The themes only some users need (loaded by theme.ts on demand). */
export { teamsHighContrastTheme, webDarkTheme } from "@fluentui/react-components";
