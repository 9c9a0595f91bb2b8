import { Skeleton } from "@/components/ui/skeleton";

export default function AssetLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading the asset">
      <div className="flex gap-4">
        <Skeleton className="h-16 w-16" />
        <div className="flex-1 space-y-2">
          <Skeleton className="h-8 w-64" />
          <Skeleton className="h-4 w-96 max-w-full" />
        </div>
      </div>
      <Skeleton className="h-72" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-56" />
        <Skeleton className="h-56" />
      </div>
    </div>
  );
}
