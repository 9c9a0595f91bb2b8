/** An HTTP/1.x response as the HTTP-based recognisers read it (./http.ts, ./elasticsearch.ts). */
export interface HttpResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

const STATUS_LINE = /^HTTP\/(\d(?:\.\d)?) (\d{3})(?: |\r?$)/;
const HEADER = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):(.*)$/;

/** Parses status line, headers and whatever body arrived; null when it is not an HTTP response. */
export function parseHttpResponse(reply: Buffer): HttpResponse | null {
  const text = reply.toString("latin1");
  const headerEnd = text.search(/\r?\n\r?\n/);
  const head = headerEnd === -1 ? text : text.slice(0, headerEnd);
  const [statusLine = "", ...headerLines] = head.split(/\r?\n/, 200);
  const status = STATUS_LINE.exec(statusLine);
  if (!status) return null;
  const headers = new Map<string, string>();
  for (const line of headerLines) {
    const header = HEADER.exec(line);
    if (header && !headers.has(header[1]!.toLowerCase())) headers.set(header[1]!.toLowerCase(), header[2]!.trim());
  }
  const body = headerEnd === -1 ? "" : text.slice(headerEnd).replace(/^\r?\n\r?\n/, "");
  return { status: Number(status[2]), headers, body };
}
