/** A scan, host or asset id that does not exist in the given organisation (or no longer exists). */
export class ScanDataNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScanDataNotFoundError";
  }
}
