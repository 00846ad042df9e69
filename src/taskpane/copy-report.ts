/**
 * "Copy for report": puts the committee report on the clipboard as HTML and plain text, so that
 * pasting into Word or Outlook gives real tables and pasting into a plain editor gives the text.
 * The async Clipboard API with a ClipboardItem of both types where the host has it; else a hidden
 * selected copy of the HTML and execCommand("copy") (the browser puts both types on the clipboard
 * from a selection); else the plain text alone.
 */
import { copyText } from "./clipboard";

export type CopiedAs = "html-and-text" | "selection" | "text";

export async function copyReport(html: string, text: string, doc: Document = document): Promise<CopiedAs> {
  const win = doc.defaultView;
  const clipboard = win?.navigator.clipboard;
  const Item = (win as (Window & { ClipboardItem?: typeof ClipboardItem }) | null)?.ClipboardItem;
  if (clipboard?.write && Item) {
    try {
      await clipboard.write([
        new Item({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        }),
      ]);
      return "html-and-text";
    } catch {
      // Refused (an Office host's iframe, or no permission): the selection below.
    }
  }
  if (copySelection(html, text, doc)) return "selection";
  await copyText(text, doc);
  return "text";
}

/** Copies a hidden element holding the HTML, setting both types in the copy event where allowed. */
function copySelection(html: string, text: string, doc: Document): boolean {
  if (typeof doc.execCommand !== "function") return false;
  const holder = doc.createElement("div");
  holder.setAttribute("aria-hidden", "true");
  holder.style.position = "fixed";
  holder.style.left = "-10000px";
  holder.style.top = "0";
  // The HTML is made by reportHtml from escaped text only (no script, no handler attributes).
  holder.innerHTML = html;
  doc.body.appendChild(holder);
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData("text/html", html);
    event.clipboardData.setData("text/plain", text);
    event.preventDefault();
  };
  doc.addEventListener("copy", onCopy);
  const selection = doc.getSelection();
  try {
    const range = doc.createRange();
    range.selectNodeContents(holder);
    selection?.removeAllRanges();
    selection?.addRange(range);
    return doc.execCommand("copy");
  } catch {
    return false;
  } finally {
    doc.removeEventListener("copy", onCopy);
    selection?.removeAllRanges();
    holder.remove();
  }
}
