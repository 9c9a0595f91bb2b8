/**
 * What the user reads on a failed scan. Errors the pipeline raises on purpose (NonRetriableError,
 * written for people: a refused setting, a broken configuration) are shown as they are; anything else
 * is an internal failure whose details belong in the logs, not on the dashboard.
 */
export function scanFailureMessage(error: { name?: string; message?: string }): string {
  if (error.name === "NonRetriableError" && error.message) return `The scan failed: ${error.message}`;
  return "The scan failed after several attempts because of an internal error. It will run again at the next scheduled time.";
}
