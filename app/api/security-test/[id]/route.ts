import { NextResponse } from "next/server";
import { getSecurityTest } from "@/lib/security-test/get-security-test";

/** One public test's state and teaser, polled by its result page while the scan runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const test = id.length <= 64 ? await getSecurityTest(id) : null;
  if (!test) return NextResponse.json({ error: "That security test was not found." }, { status: 404 });
  return NextResponse.json(test, { headers: { "cache-control": "no-store" } });
}
