import { Heading, Link, Section, Text } from "@react-email/components";
import { SEVERITY_LABEL } from "@/lib/findings/severity";
import { MailLayout, styles } from "@/lib/reports/email/mail-layout";
import { serviceText, typicalText } from "@/lib/reports/format";
import type { AlertData } from "../alert-data";
import { alertHeadline } from "../alert-text";

function AlertCard({ alert }: { alert: AlertData }) {
  return (
    <Section style={styles.card}>
      <Text style={{ ...styles.text, fontWeight: 700 }}>
        {SEVERITY_LABEL[alert.severity]} · {alert.assetValue}: {alertHeadline(alert)}
      </Text>
      {alert.port !== null && (
        <>
          <Text style={styles.text}>
            Host {alert.ip}, port {alert.port}/{alert.protocol}
          </Text>
          <Text style={styles.text}>
            Typical service: {typicalText(alert.typicalService, alert.pendingClassification)}. Detected:{" "}
            {serviceText(alert.detectedService, alert.product, alert.version)}.
          </Text>
        </>
      )}
      {alert.evidence.map((line, i) => (
        <Text key={i} style={styles.mono}>
          {line}
        </Text>
      ))}
      {alert.remediation && (
        <>
          <Text style={styles.text}>{alert.remediation.title}</Text>
          <Text style={styles.mono}>{alert.remediation.fix}</Text>
        </>
      )}
      <Text style={styles.text}>
        <Link href={alert.findingUrl} style={styles.link}>
          Open the finding
        </Link>
      </Text>
    </Section>
  );
}

/** One mail for the alerts of one scan, or the day's digest. Every value is escaped by React. */
export function AlertEmail({
  title,
  intro,
  alerts,
  organizationName,
  unsubscribeUrl,
}: {
  title: string;
  intro: string;
  alerts: AlertData[];
  organizationName: string;
  unsubscribeUrl: string;
}) {
  return (
    <MailLayout
      preview={title}
      reason={`You receive alerts as a member of ${organizationName}; choose which in Portwatch under Settings → Alerts.`}
      unsubscribeUrl={unsubscribeUrl}
    >
      <Heading as="h1" style={styles.h1}>
        {title}
      </Heading>
      <Text style={styles.muted}>{intro}</Text>
      {alerts.map((a, i) => (
        <AlertCard key={i} alert={a} />
      ))}
    </MailLayout>
  );
}
