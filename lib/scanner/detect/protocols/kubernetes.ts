/**
 * Kubernetes node components (the kubelet on 10250, the scheduler, the controller manager) serve
 * HTTPS with the certificate client-go's GenerateSelfSignedCertKey makes when none is configured:
 * subject `CN=<host>@<unix time>`, issued by its own throwaway CA `CN=<host>-ca@<unix time>`. Their
 * answer to `GET /` is Go's bare "404 page not found", so the certificate is what names them: read
 * from the handshake we already made, nothing else is asked.
 */
import type { TlsInfo } from "../../observed-service";

const COMPONENT_SUBJECT = /(?:^|, )CN=[^,@]+@\d{9,11}(?:,|$)/;
const COMPONENT_ISSUER = /(?:^|, )CN=[^,@]+-ca@\d{9,11}(?:,|$)/;

export function isKubernetesSelfSignedCertificate(tls: TlsInfo | null): boolean {
  return tls !== null && COMPONENT_SUBJECT.test(tls.subject ?? "") && COMPONENT_ISSUER.test(tls.issuer ?? "");
}

/** The product an HTTPS port with such a certificate is: the kubelet on its own port, else one of the components. */
export function kubernetesProduct(typical: string | null): string {
  return typical === "kubelet"
    ? "Kubernetes kubelet"
    : "Kubernetes component (kubelet, scheduler or controller manager)";
}
