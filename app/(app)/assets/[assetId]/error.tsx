"use client";

import { PageError } from "@/components/ui/page-error";

export default function AssetError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="this asset (its ports, grade and history)" error={error} reset={reset} />;
}
