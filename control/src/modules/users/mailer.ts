// Invitation and reset links by mail when SMTP_URL is set (Nodemailer over SMTP). The link is
// still answered to the person who made it: a mail that cannot be sent costs nothing but the
// `emailed: false` in that answer.
import type { Logger } from "@switchboard/shared/logger";
import { createTransport, type Transporter } from "nodemailer";

export interface LinkMail {
  to: string;
  kind: "invite" | "reset";
  url: string;
  orgName: string;
  expiresAt: Date;
}

export interface LinkMailer {
  /** true once the server accepted the message for the recipient. */
  send(mail: LinkMail): Promise<boolean>;
}

const SEND_TIMEOUT_MS = 10_000;

function text(mail: LinkMail): { subject: string; body: string } {
  const until = mail.expiresAt.toUTCString();
  if (mail.kind === "invite") {
    return {
      subject: `You are invited to ${mail.orgName} on Switchboard`,
      body: `You are invited to join ${mail.orgName} on Switchboard.\n\nChoose your password here (the link works once, until ${until}):\n${mail.url}\n`,
    };
  }
  return {
    subject: "Reset your Switchboard password",
    body: `A new password was requested for your Switchboard account.\n\nChoose it here (the link works once, until ${until}):\n${mail.url}\n\nIf you did not expect this, ask your organization's owner.\n`,
  };
}

export function createLinkMailer(
  config: { smtpUrl: string | null; smtpFrom: string },
  log: Logger,
): LinkMailer | null {
  if (!config.smtpUrl) return null;
  const transport: Transporter = createTransport({
    url: config.smtpUrl,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  return {
    async send(mail) {
      const { subject, body } = text(mail);
      try {
        const info = await transport.sendMail({ from: config.smtpFrom, to: mail.to, subject, text: body });
        return (info.accepted ?? []).length > 0;
      } catch (error) {
        // The address and the link stay out of the log: only the kind and the reason.
        log.warn({ kind: mail.kind, reason: (error as Error).message }, "link mail not sent");
        return false;
      }
    },
  };
}
