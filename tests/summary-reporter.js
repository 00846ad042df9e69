// Prints one closing line "N passed, N failed" (plus skipped) so CI logs end with a plain count.
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line =
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed` +
      (skipped ? `, ${skipped} skipped` : "");
    process.stderr.write(`\n${line}\n`);
  }
}
module.exports = SummaryLineReporter;
