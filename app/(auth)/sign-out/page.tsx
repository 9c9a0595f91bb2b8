import type { Metadata } from "next";
import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default async function SignOutPage() {
  const user = await getSessionUser();
  if (!user) {
    return (
      <p className="text-sm">
        You are signed out.{" "}
        <Link href="/sign-in" className="font-medium underline">
          Sign in
        </Link>
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Sign out</h1>
      <p className="text-sm text-slate-600">You are signed in as {user.email}.</p>
      <SignOutButton className="w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700" />
    </div>
  );
}
