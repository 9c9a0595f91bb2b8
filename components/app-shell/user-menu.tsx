/** The signed-in user's name and the sign-out form (passed in, so this stays free of auth code). */
export function UserMenu({ email, name, signOut }: { email: string; name: string | null; signOut: React.ReactNode }) {
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
        <span className="sr-only">Account menu for </span>
        {name ?? email} ▾
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-64 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <p className="truncate text-sm font-medium">{name ?? email}</p>
        {name && <p className="truncate text-xs text-slate-500">{email}</p>}
        <div className="mt-3 border-t border-slate-100 pt-3">{signOut}</div>
      </div>
    </details>
  );
}
