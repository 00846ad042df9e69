/**
 * The little of `Office` the preview needs, installed before the pane starts. The real office.js
 * is not loaded: outside an Office client it fetches MicrosoftAjax.js from ajax.aspnetcdn.com
 * (another origin, which the preview's CSP forbids) and then throws, so Office.onReady never
 * resolves. The pane waits for Office.onReady and asks nothing else of `Office`, so the shim says:
 * no Office host.
 */
export interface OfficeShim {
  onReady(callback?: (info: { host: null; platform: null }) => void): Promise<{ host: null; platform: null }>;
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
  context: Record<string, never>;
  /** Marks the shim, so nothing mistakes the preview for Excel. */
  isPreviewShim: true;
}

export function installOfficeShim(target: { Office?: unknown } = globalThis): OfficeShim {
  const shim: OfficeShim = {
    onReady(callback) {
      const info = { host: null, platform: null } as const;
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: {
      Excel: "Excel",
      Word: "Word",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    context: {},
    isPreviewShim: true,
  };
  target.Office = shim;
  return shim;
}
