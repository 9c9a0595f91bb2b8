import type { WebhookPayload } from "./webhook-payload";

/** Slack's mrkdwn treats &, < and > as control characters. */
const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

type Data = Record<string, unknown>;
const obj = (value: unknown): Data => (value && typeof value === "object" ? (value as Data) : {});
const str = (value: unknown): string => (typeof value === "string" || typeof value === "number" ? String(value) : "");

function assetName(data: Data): string {
  const asset = obj(data.asset);
  return str(asset.label) || str(asset.value) || "an asset";
}

function serviceOf(service: unknown): string {
  const s = obj(service);
  return [str(s.detectedService) || str(s.typicalService), str(s.product), str(s.version)].filter(Boolean).join(" ");
}

/** One line saying what happened, in plain words. */
export function summaryOf(payload: WebhookPayload): string {
  const d = payload.data as Data;
  switch (payload.type) {
    case "exposure.changed": {
      const where = `${str(d.port)}/${str(d.protocol)} on ${str(d.ip)} (${assetName(d)})`;
      if (d.change === "opened") return `Port ${where} opened: ${serviceOf(d.after) || "unidentified service"}.`;
      if (d.change === "closed") return `Port ${where} closed.`;
      return `The service on port ${where} changed from ${serviceOf(d.before) || "unidentified"} to ${serviceOf(d.after) || "unidentified"}.`;
    }
    case "grade.changed": {
      const previous = obj(d.previous);
      const current = obj(d.current);
      const from = d.previous ? `${str(previous.grade)} (${str(previous.score)})` : "ungraded";
      return `The Open Ports grade of ${str(obj(d.organization).name)} changed from ${from} to ${str(current.grade)} (${str(current.score)}).`;
    }
    case "scan.completed":
      return `The scan of ${assetName(d)} finished: ${str(d.hostsScanned)} hosts scanned, ${str(d.portsFound)} open ports.`;
    case "scan.failed":
      return `The scan of ${assetName(d)} failed: ${str(d.error)}`;
    case "webhook.test":
      return "Test event from Portwatch: this endpoint receives deliveries.";
    default:
      return str(d.title) || str(d.message) || `Portwatch event ${payload.type}.`;
  }
}

/** The body for a Slack incoming webhook: `text` (notifications, fallback) and the same as blocks. */
export function slackMessage(payload: WebhookPayload): { text: string; blocks: object[] } {
  const text = escape(summaryOf(payload));
  const link = str(obj(payload.data.asset).url) || str(payload.data.url);
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: link ? `${text}\n<${link}|Open in Portwatch>` : text } },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: escape(`Portwatch · ${payload.type} · ${payload.data.organization.name}`) }],
      },
    ],
  };
}
