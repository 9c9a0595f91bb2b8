import { Skeleton } from "@/components/ui/skeleton";

export default function FindingsLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading findings">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-28 w-full" />
      <Skeleton className="h-96 w-full" />
    </div>
  );
}
