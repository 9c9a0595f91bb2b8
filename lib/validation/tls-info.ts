import { z } from "zod";

/** The TLS details the scanner records for a port (lib/scanner/types.ts TlsInfo), validated where they cross a boundary. */
export const tlsInfoSchema = z.object({
  protocol: z.string().nullable(),
  cipher: z.string().nullable(),
  subject: z.string().nullable(),
  subjectAltNames: z.array(z.string()),
  issuer: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  selfSigned: z.boolean(),
});
