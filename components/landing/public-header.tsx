import Link from "next/link";

/** The top bar of the public pages: the product name leading home, the security test, sign in and the trial. */
export function PublicHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3 text-sm sm:px-6"
      >
        <Link href="/" className="mr-auto text-lg font-bold tracking-tight text-slate-900">
          Portwatch
        </Link>
        <Link href="/security-test" className="text-slate-700 underline-offset-4 hover:underline">
          Security test
        </Link>
        <Link href="/docs/grading" className="text-slate-700 underline-offset-4 hover:underline">
          Grading
        </Link>
        <Link href="/sign-in" className="text-slate-700 underline-offset-4 hover:underline">
          Sign in
        </Link>
        <Link href="/sign-up" className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700">
          Start free trial
        </Link>
      </nav>
    </header>
  );
}
