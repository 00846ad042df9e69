/**
 * The Summary view's pictures, loaded only when a summary is shown (their own chunk, outside the
 * pane's first download). Tests replace this module with the component itself (jest.mock), as
 * for lazyViews.ts, since jest's CommonJS runtime has no import().
 */
import { lazy } from "react";

export const SummaryCharts = lazy(() =>
  import(/* webpackChunkName: "summary-charts" */ "./SummaryCharts.js").then((m) => ({
    default: m.SummaryCharts,
  })),
);
