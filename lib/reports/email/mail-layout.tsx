import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

export const styles = {
  body: { backgroundColor: "#f1f5f9", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "16px 0" },
  // 600 px at most, the full width of a phone below that: every mail reads in a narrow viewport.
  container: { backgroundColor: "#ffffff", maxWidth: "600px", width: "100%", padding: "20px", boxSizing: "border-box" },
  h1: { fontSize: "20px", lineHeight: "26px", color: "#0f172a", margin: "0 0 8px" },
  h2: { fontSize: "16px", lineHeight: "22px", color: "#0f172a", margin: "20px 0 6px" },
  text: { fontSize: "14px", lineHeight: "20px", color: "#1e293b", margin: "4px 0" },
  muted: { fontSize: "12px", lineHeight: "18px", color: "#475569", margin: "4px 0" },
  mono: { fontFamily: "Menlo, Consolas, monospace", fontSize: "12px", color: "#1e293b", wordBreak: "break-all" },
  card: { border: "1px solid #e2e8f0", borderRadius: "6px", padding: "10px 12px", margin: "8px 0" },
  link: { color: "#1d4ed8" },
  image: { width: "100%", maxWidth: "520px", height: "auto", display: "block" },
} satisfies Record<string, CSSProperties>;

/** The frame of every Portwatch notification mail: preview line, body, and why you got it + unsubscribe. */
export function MailLayout({
  preview,
  children,
  reason,
  unsubscribeUrl,
}: {
  preview: string;
  children: ReactNode;
  reason: string;
  unsubscribeUrl: string;
}) {
  return (
    <Html lang="en">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          {children}
          <Hr style={{ borderColor: "#e2e8f0", margin: "20px 0 10px" }} />
          <Section>
            <Text style={styles.muted}>
              {reason}{" "}
              <Link href={unsubscribeUrl} style={styles.link}>
                Unsubscribe
              </Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
