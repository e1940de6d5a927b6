import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Ends the run with one plain line the CI harness can sum with the other suites:
 * "N passed, N failed" (skipped tests, when any, on the line before).
 */
export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;
  private started = Date.now();

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === 'skipped') this.skipped++;
    // A test counts once, by its last attempt.
    else if (result.retry === test.retries || result.status === 'passed') {
      if (test.outcome() === 'expected' || test.outcome() === 'flaky') this.passed++;
      else this.failed++;
    }
  }

  onEnd(result: FullResult) {
    // A run that could not start (web server, config) has failed even with zero tests.
    if (result.status !== 'passed' && this.failed === 0) this.failed = 1;
    const seconds = Math.round((Date.now() - this.started) / 1000);
    if (this.skipped) console.log(`e2e: ${this.skipped} skipped`);
    console.log(`e2e: ${seconds} s`);
    console.log(`${this.passed} passed, ${this.failed} failed`);
  }
}
