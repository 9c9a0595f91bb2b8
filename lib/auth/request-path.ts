/** Set by proxy.ts on every page request, so pages can send the user back after sign-in. */
export const REQUEST_PATH_HEADER = "x-portwatch-path";
