import { errorResponse } from "@/lib/api/error-response";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Any path under /api/v1 that is no endpoint answers in the API's error shape, not with an HTML page. */
function noSuchEndpoint() {
  return errorResponse(
    new AppError("not_found", "There is no API endpoint at this path. The reference is at /docs/api."),
  );
}

export const GET = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;
