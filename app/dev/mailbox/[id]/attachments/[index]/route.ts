import { isDevMailboxEnabled } from "@/lib/mail/config";
import { getDevMail } from "@/lib/mail/dev-mailbox";

/** Downloads one attachment of a dev-mailbox mail (the report's PDF, a chart image). Never in production. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  if (!isDevMailboxEnabled()) return new Response("Not found", { status: 404 });
  const { id, index } = await params;
  const mail = await getDevMail(id);
  const attachment = mail?.attachments[Number(index)];
  if (!attachment) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(Buffer.from(attachment.base64, "base64")), {
    headers: {
      "content-type": attachment.contentType,
      // Always a download: an attachment is never rendered as a page of the app.
      "content-disposition": `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, "_")}"`,
    },
  });
}
