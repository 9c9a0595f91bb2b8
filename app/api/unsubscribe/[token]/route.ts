import { appUrl } from "@/lib/auth/app-url";
import { unsubscribe } from "@/lib/reports/unsubscribe";
import { readUnsubscribeToken } from "@/lib/reports/unsubscribe-token";

type Params = { params: Promise<{ token: string }> };

/**
 * The List-Unsubscribe address (RFC 8058). A GET (a person clicking, or a mail scanner prefetching
 * links) changes nothing and leads to a confirmation page; a POST unsubscribes, without signing in:
 * the signed token names the organisation and the recipient, and no one can make one for another address.
 */
export async function GET(_request: Request, { params }: Params) {
  const { token } = await params;
  return new Response(null, {
    status: 303,
    headers: { location: appUrl(`/unsubscribe/${encodeURIComponent(token)}`) },
  });
}

export async function POST(request: Request, { params }: Params) {
  const { token } = await params;
  const subject = readUnsubscribeToken(token);
  if (!subject) return new Response("This unsubscribe link is not valid.", { status: 404 });
  await unsubscribe(subject);
  // The confirmation page's own form comes back to it; a mail client's one-click POST gets a plain answer.
  if (new URL(request.url).searchParams.get("from") === "page")
    return new Response(null, {
      status: 303,
      headers: { location: appUrl(`/unsubscribe/${encodeURIComponent(token)}?done=1`) },
    });
  return new Response("Unsubscribed.", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
}
