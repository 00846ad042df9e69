/** The services of the pane inside Excel: the Office.js host and the use-cases of src/app, loaded on first use. */
import type { IsoDate } from "../core/model";
import { lazyCommands, lazyHost } from "./lazy-services";
import type { AppServices } from "./services";

export function officeServices(today: () => IsoDate): AppServices {
  return {
    host: lazyHost(async () => {
      const { OfficeWorkbookHost } = await import(
        /* webpackChunkName: "engine" */ "../excel/OfficeWorkbookHost.js"
      );
      return new OfficeWorkbookHost();
    }),
    commands: lazyCommands(() => import(/* webpackChunkName: "engine" */ "../app/commands.js")),
    today,
  };
}
