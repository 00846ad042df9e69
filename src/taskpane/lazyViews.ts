/**
 * What the pane loads on first use, to keep its first download small: the check's results
 * (after the first check), the Summary and Settings views. Tests replace this module with
 * the components themselves (jest.mock), since jest's CommonJS runtime has no import().
 */
import { lazy } from "react";

export const CheckResults = lazy(() =>
  import(/* webpackChunkName: "results" */ "./CheckResults.js").then((m) => ({ default: m.CheckResults })),
);
export const SummaryView = lazy(() =>
  import(/* webpackChunkName: "summary" */ "./SummaryView.js").then((m) => ({ default: m.SummaryView })),
);
export const SettingsView = lazy(() =>
  import(/* webpackChunkName: "settings" */ "./SettingsView.js").then((m) => ({ default: m.SettingsView })),
);
