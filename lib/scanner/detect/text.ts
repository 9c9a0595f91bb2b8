/** Small total helpers for text-based protocols. Replies are decoded as latin1: one char per byte, never throws. */
import { safeField } from "../banner";

/** Lines of the reply (CRLF or LF), decoded as latin1, at most `maxLines`. */
export function lines(reply: Buffer, maxLines = 64): string[] {
  return reply.toString("latin1").split(/\r?\n/, maxLines);
}

/** First line of the reply without its line ending. */
export function firstLine(reply: Buffer): string {
  return lines(reply, 1)[0] ?? "";
}

/** `{ revision }` when the service stated one, nothing otherwise (recognitions leave unknown keys out). */
export function revisionOf(text: string | null | undefined): { revision?: string } {
  const revision = field(text);
  return revision === null ? {} : { revision };
}

/** A parsed text field, trimmed, escaped and length-capped; null when empty. */
export function field(text: string | null | undefined, maxChars = 80): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === "" ? null : safeField(trimmed, maxChars);
}
