/** Endpoints one organisation may have. */
export const MAX_WEBHOOK_ENDPOINTS = 20;

/** Retries after a failed attempt (so 11 attempts), spaced by exponential backoff. */
export const WEBHOOK_RETRIES = 10;

/** Deliveries the log shows per endpoint, newest first. */
export const WEBHOOK_LOG_SIZE = 50;
