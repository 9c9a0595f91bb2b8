import { describe, expect, it } from "vitest";
import { isKubernetesSelfSignedCertificate, kubernetesProduct } from "@/lib/scanner/detect/protocols/kubernetes";
import { gradeAsset } from "@/lib/grading";

const tls = (subject: string, issuer: string) => ({
  protocol: "TLSv1.3",
  cipher: "TLS_AES_128_GCM_SHA256",
  subject,
  subjectAltNames: [],
  issuer,
  validFrom: null,
  validTo: null,
  selfSigned: false,
});

describe("Kubernetes components named by their self-made certificate", () => {
  it("matches client-go's host@time certificate signed by host-ca@time, and nothing else", () => {
    expect(isKubernetesSelfSignedCertificate(tls("CN=node1@1764331200", "CN=node1-ca@1764331200"))).toBe(true);
    expect(isKubernetesSelfSignedCertificate(tls("CN=www.example.test", "CN=R11, O=Let's Encrypt, C=US"))).toBe(false);
    expect(isKubernetesSelfSignedCertificate(tls("CN=me@example.test", "CN=example-ca@example.test"))).toBe(false);
    expect(isKubernetesSelfSignedCertificate(null)).toBe(false);
  });

  it("is graded as the critical kubelet API, not as a web server", () => {
    for (const typical of ["kubelet", null]) {
      const grade = gradeAsset(
        {
          findings: [
            {
              ip: "192.0.2.1",
              port: 10250,
              protocol: "tcp",
              state: "open",
              typicalService: typical,
              pendingClassification: typical === null,
              detectedService: "https",
              product: kubernetesProduct(typical),
              version: null,
              versionRevision: null,
              tls: tls("CN=node1@1764331200", "CN=node1-ca@1764331200"),
              banner: null,
              facts: {},
              firstSeen: new Date("2026-11-01T00:00:00Z"),
            },
          ],
        },
        { asOf: new Date("2026-11-28T00:00:00Z") },
      );
      expect(grade.findings[0]).toMatchObject({ ruleId: "kubelet", severity: "critical" });
    }
  });
});
