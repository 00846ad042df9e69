/** Errors shaped like Office.js's OfficeExtension.Error: a `code`, a message, debugInfo. */
export type MemoryErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "AccessDenied"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "GeneralException";

export class MemoryOfficeError extends Error {
  readonly code: MemoryErrorCode;
  readonly debugInfo: { code: MemoryErrorCode; message: string; errorLocation?: string };
  constructor(code: MemoryErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string, owner: string): MemoryOfficeError {
  return new MemoryOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${owner}.${property}`,
  );
}
