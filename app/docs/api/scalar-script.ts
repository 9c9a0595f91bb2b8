/** Where /docs/api loads Scalar's standalone script from (app/docs/api/scalar.js/route.ts). */
export const SCALAR_SCRIPT_PATH = "/docs/api/scalar.js";
