/** Who is signed in, and the sign-out form (passed in, so this stays free of auth code). Always visible: no hidden menu to open. */
export function UserMenu({ email, name, signOut }: { email: string; name: string | null; signOut: React.ReactNode }) {
  return (
    <div className="flex items-center gap-3" aria-label="Account">
      <span className="max-w-48 truncate text-sm text-slate-700" title={email}>
        {name ?? email}
      </span>
      {signOut}
    </div>
  );
}
