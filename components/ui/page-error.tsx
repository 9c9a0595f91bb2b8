"use client";

/**
 * An error boundary's message: says what could not be loaded and offers a retry. The error's own
 * message is never shown (server errors reach the browser only as a digest); the digest is, so a
 * report can be matched with the server log.
 */
export function PageError({
  what,
  error,
  reset,
}: {
  what: string;
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-950">
      <h1 className="text-lg font-semibold">Could not load {what}</h1>
      <p className="mt-2 text-sm">
        Something went wrong on our side while loading this page. Your data is safe; try again in a moment.
        {error.digest && (
          <>
            {" "}
            Reference: <code className="font-mono">{error.digest}</code>
          </>
        )}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-red-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800"
      >
        Try again
      </button>
    </div>
  );
}
