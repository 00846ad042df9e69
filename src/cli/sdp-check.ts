#!/usr/bin/env node
/** sdp-check: checks a Service Development Plan workbook from the command line (see args.ts for usage). */
import { EXIT_INTERNAL, defaultIo, runCli } from "./run";

function internalError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sdp-check: internal error (${message.split("\n")[0]}): please report this.\n`);
  process.exit(EXIT_INTERNAL);
}

// Never a stack trace, whatever escapes.
process.on("uncaughtException", internalError);
process.on("unhandledRejection", internalError);

// A closed pipe (sdp-check … | head) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  internalError(error);
});

runCli(process.argv.slice(2), defaultIo()).then((code) => {
  process.exitCode = code;
}, internalError);
