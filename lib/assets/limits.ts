/** Limits shared by the asset schema (server) and the form inputs (client bundle, no zod or node imports). */
export const MAX_LABEL_LENGTH = 100;
