import { signOutAction } from "@/app/(auth)/sign-out/actions";

/** A form (not a link), so nothing can sign a user out by merely loading a URL. */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={className ?? "text-sm text-slate-700 underline hover:text-slate-900"}>
        Sign out
      </button>
    </form>
  );
}
