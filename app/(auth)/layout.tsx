import Link from "next/link";

/** The account pages: one narrow card, centred, with the product name leading home. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center px-4 py-12 sm:py-20">
      <Link href="/" className="text-xl font-bold tracking-tight text-slate-900">
        Portwatch
      </Link>
      <main className="mt-8 w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {children}
      </main>
    </div>
  );
}
