/**
 * Names people type (their own name, an organisation's, an asset label) end up in mails, pages, logs
 * and CSV exports. Control characters (CR/LF break mail headers and logs), the Unicode line and
 * paragraph separators and the bidirectional overrides (which make "moc.evil" read as "live.com") are
 * refused in every one of them.
 */
export const PLAIN_TEXT = /^[^\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]*$/u;

export const plainTextMessage = (what: string) => `${what} cannot contain control characters or line breaks.`;
