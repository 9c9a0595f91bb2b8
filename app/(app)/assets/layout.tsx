import { NuqsAdapter } from "nuqs/adapters/next/app";

/** The assets list keeps its search, filter, sort and page in the URL through nuqs. */
export default function AssetsLayout({ children }: { children: React.ReactNode }) {
  return <NuqsAdapter>{children}</NuqsAdapter>;
}
