import { notFound } from "next/navigation";
import { connection } from "next/server";
import { isDevMailboxEnabled } from "@/lib/mail/config";

/** The dev mailbox shows every mail the app "sent": it must not exist in production. */
export async function assertDevMailboxAvailable(): Promise<void> {
  await connection();
  if (!isDevMailboxEnabled()) notFound();
}
