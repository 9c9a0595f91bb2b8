import { NextResponse } from "next/server";
import { createSecurityTestChallenge } from "@/lib/security-test/challenge";

/** A fresh proof-of-work challenge for the security test's ALTCHA widget. Never cached: each is spent once. */
export async function GET() {
  try {
    return NextResponse.json(await createSecurityTestChallenge(), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[portwatch] security test challenge failed", error);
    return NextResponse.json({ error: "No challenge could be made. Please try again." }, { status: 500 });
  }
}
