/** Time budgets for detecting one port. All are upper bounds: replies end a wait as soon as they are complete. */

export interface DetectTiming {
  /** Hard limit for the whole detection of one port. */
  timeoutMs: number;
  /** Limit for each TCP connect (the port was open a moment ago, so this is generous). */
  connectTimeoutMs: number;
  /** Wait for a greeting from servers that speak first. */
  greetingMs: number;
  /**
   * Greeting wait on ports registered for SMTP, where greet_pause (Sendmail) or postscreen
   * (Postfix) deliberately delay the greeting for several seconds.
   */
  slowGreetingMs: number;
  /** Wait for the reply to each probe. */
  replyMs: number;
  /** TLS handshake limit. */
  handshakeMs: number;
}

export const DEFAULT_TIMING: Readonly<DetectTiming> = Object.freeze({
  timeoutMs: 15_000,
  connectTimeoutMs: 3_000,
  greetingMs: 1_500,
  slowGreetingMs: 6_000,
  replyMs: 2_000,
  handshakeMs: 4_000,
});
