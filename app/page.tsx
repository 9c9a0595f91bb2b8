import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-24">
      <h1 className="text-4xl font-bold tracking-tight">Portwatch</h1>
      <p className="mt-4 text-lg text-slate-600">
        See every open port on your domains: what IANA says should run there, what actually answers, and a grade you can
        reproduce by hand.
      </p>
      <div className="mt-8 flex gap-4">
        <Link href="/sign-up" className="rounded-md bg-slate-900 px-4 py-2 text-white hover:bg-slate-700">
          Start a 14-day free trial
        </Link>
        <Link href="/sign-in" className="rounded-md border border-slate-300 px-4 py-2 hover:bg-white">
          Sign in
        </Link>
      </div>
    </main>
  );
}
