/** Office.js errors turned into sentences a plan owner can act on. */
interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
}

const BY_CODE: Record<string, string> = {
  AccessDenied: "Excel refused the change: a tab may be protected or the workbook open read-only.",
  ItemNotFound: "A tab or cell the add-in expected is no longer there (was a tab renamed or deleted?).",
  ItemAlreadyExists: "A tab with that name already exists.",
  InvalidArgument: "Excel did not accept a value the add-in sent.",
  RequestPayloadSizeLimitExceeded: "The workbook is too large to send to Excel in one go.",
  ResponsePayloadSizeLimitExceeded: "The workbook is too large for Excel to send back in one go.",
  InvalidOperation: "Excel could not do that right now.",
};

/** An Error whose message says what happened and what to do; keeps the Office code when there is one. */
export function readableError(error: unknown, doing: string): Error {
  const e = (error ?? {}) as OfficeLikeError;
  const code = typeof e.code === "string" ? e.code : null;
  const detail = typeof e.message === "string" && e.message ? e.message : String(error);
  const known = code ? BY_CODE[code] : undefined;
  const out = new Error(
    `${doing} did not finish. ${known ?? "Excel reported a problem."} (${code ? `${code}: ` : ""}${detail}) Try again; if it keeps happening, save the workbook and reopen it.`,
  );
  (out as Error & { code?: string | null; cause?: unknown }).code = code;
  (out as Error & { cause?: unknown }).cause = error;
  return out;
}

export function errorCode(error: unknown): string | null {
  const code = (error as OfficeLikeError | null)?.code;
  return typeof code === "string" ? code : null;
}

/**
 * A request or a response over Excel on the web's 5 MB cap. The two directions have different codes
 * (Learn: "Application-specific API error handling"): a request that is too large is refused whole;
 * a response that is too large comes back after the operations ran (reads are safe to redo in parts).
 */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
