/** Puts text on the clipboard: the async Clipboard API, else a hidden textarea and execCommand("copy"). */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return;
    } catch {
      // Some Office hosts refuse the Clipboard API in an iframe: fall back below.
    }
  }
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  doc.body.appendChild(area);
  area.focus();
  area.select();
  try {
    const ok = typeof doc.execCommand === "function" && doc.execCommand("copy");
    if (!ok) throw new Error("The browser refused to copy. Select the text and press Ctrl+C.");
  } finally {
    area.remove();
  }
}
