import { onAssetDeleted } from "./functions/asset-deleted";
import { deliverReportFunction } from "./functions/deliver-report";
import { deliverWebhook } from "./functions/deliver-webhook";
import { detectExposureChanges } from "./functions/detect-exposure-changes";
import { gradeScannedAsset } from "./functions/grade-scanned-asset";
import { monitor } from "./functions/monitor";
import { publishWebhookEvents } from "./functions/publish-webhook-events";
import { purgeAuditEventsDaily } from "./functions/purge-audit-events";
import { purgeDeletedAssetsDaily } from "./functions/purge-deleted-assets";
import { purgeSecurityTestsDaily } from "./functions/purge-security-tests";
import { recheckAssetVerification } from "./functions/recheck-asset-verification";
import { runSecurityTest } from "./functions/run-security-test";
import { scanAsset } from "./functions/scan-asset";
import { sendTrialReminders } from "./functions/send-trial-reminders";
import { deliverAlertDigest, queueAlertDigests } from "./functions/send-alert-digests";
import { sendScanAlerts } from "./functions/send-scan-alerts";
import { sendDueReports } from "./functions/send-due-reports";

export { inngest } from "./client";

/** Every background function of the app: served by app/api/inngest and run by Inngest or the local executor. */
export const functions = [
  scanAsset,
  gradeScannedAsset,
  detectExposureChanges,
  onAssetDeleted,
  monitor,
  purgeDeletedAssetsDaily,
  recheckAssetVerification,
  purgeAuditEventsDaily,
  sendTrialReminders,
  sendDueReports,
  deliverReportFunction,
  sendScanAlerts,
  queueAlertDigests,
  deliverAlertDigest,
  runSecurityTest,
  purgeSecurityTestsDaily,
  publishWebhookEvents,
  deliverWebhook,
];
