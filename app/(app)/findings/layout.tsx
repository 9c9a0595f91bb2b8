import { NuqsAdapter } from "nuqs/adapters/next/app";

/** The findings filters keep their state in the URL through nuqs. */
export default function FindingsLayout({ children }: { children: React.ReactNode }) {
  return <NuqsAdapter>{children}</NuqsAdapter>;
}
