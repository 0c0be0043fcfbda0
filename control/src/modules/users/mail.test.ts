// Invitation and reset links by mail: with SMTP_URL set, control sends them through Nodemailer
// to the loopback SMTP stand-in (smtp-server) and the link in the mail works; without it, or
// when the server cannot be reached, the link is answered as before with emailed: false.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type SmtpStandIn, startSmtpStandIn } from "@switchboard/stand-ins/smtp";
import { createHarness, type Harness } from "../../testing/harness.ts";

let smtp: SmtpStandIn;
let h: Harness;

beforeAll(async () => {
  smtp = await startSmtpStandIn();
  h = await createHarness({
    config: { smtpUrl: smtp.url, smtpFrom: "Switchboard <dashboard@example.test>" },
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
  await smtp?.stop();
});

const tokenIn = (text: string) => /#\/accept\/(sbl_\w+)/.exec(text)?.[1];

describe("links by mail", () => {
  test("an invitation is mailed to the invited address, and the mailed link makes the user", async () => {
    const invited = await h.json<{ url: string; emailed: boolean }>("POST", "/api/v1/invitations", {
      body: { email: "Mailed.Member@Example.test", role: "member" },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.emailed).toBe(true);
    const mail = smtp.received.find((m) => m.to.includes("mailed.member@example.test"));
    expect(mail).toBeDefined();
    expect(mail!.from).toBe("dashboard@example.test");
    expect(mail!.subject).toStartWith("You are invited to ");
    const token = tokenIn(mail!.text);
    expect(token).toBeDefined();
    expect(invited.body.url).toEndWith(`/#/accept/${token}`);
    const accepted = await h.json("POST", "/auth/accept", {
      key: null,
      body: { token, password: "mailed password 1" },
    });
    expect(accepted.status).toBe(200);
    const users = await h.json<{ data: Array<{ email: string }> }>("GET", "/api/v1/users");
    expect(users.body.data.map((u) => u.email)).toContain("mailed.member@example.test");
  });

  test("a password reset is mailed to the user's own address", async () => {
    const users = await h.json<{ data: Array<{ id: string; email: string }> }>("GET", "/api/v1/users");
    const user = users.body.data.find((u) => u.email === "mailed.member@example.test")!;
    const before = smtp.received.length;
    const reset = await h.json<{ url: string; emailed: boolean }>(
      "POST",
      `/api/v1/users/${user.id}/password-reset`,
    );
    expect(reset.status).toBe(201);
    expect(reset.body.emailed).toBe(true);
    const mail = smtp.received.slice(before).find((m) => m.to.includes("mailed.member@example.test"));
    expect(mail?.subject).toBe("Reset your Switchboard password");
    expect(reset.body.url).toEndWith(`/#/accept/${tokenIn(mail!.text)}`);
  });

  test("without SMTP_URL, or with a server that does not answer, the link is only answered", async () => {
    const withoutMail = await createHarness();
    const unreachable = await createHarness({ config: { smtpUrl: "smtp://127.0.0.1:9" } });
    try {
      for (const harness of [withoutMail, unreachable]) {
        const invited = await harness.json<{ url: string; emailed: boolean }>("POST", "/api/v1/invitations", {
          body: { email: `nomail-${crypto.randomUUID().slice(0, 8)}@example.test` },
        });
        expect(invited.status).toBe(201);
        expect(invited.body.emailed).toBe(false);
        expect(invited.body.url).toContain("/#/accept/sbl_");
      }
    } finally {
      await withoutMail.close();
      await unreachable.close();
    }
  }, 60_000);
});
