/**
 * A service banner as text a person can read: line breaks kept, other control and non-printable
 * characters shown as \xNN escapes (a banner is untrusted bytes; React escapes the HTML). Long banners
 * are cut with a note saying so.
 */
export function readableBanner(banner: string, maxLength = 4000): string {
  const cut = banner.length > maxLength;
  const text = (cut ? banner.slice(0, maxLength) : banner)
    .replace(/\r\n/g, "\n")
    .replace(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
      (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
    );
  return cut ? `${text}\n… (${banner.length - maxLength} more characters not shown)` : text;
}
