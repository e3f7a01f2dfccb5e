// Mail templates: every notification kind renders a subject, HTML and text from its payload; text a user
// typed is escaped in the HTML (no markup, no links of its own); the button, settings and unsubscribe
// links are absolute and ours; and a services mail carries nothing about a trainee.
import { describe, expect, it } from "vitest";
import { NotificationPayloadSchemas, type NotificationKind, type NotificationPayload } from "../../server/domains/notifications/notifications.schema.js";
import { MAIL_KINDS } from "../../server/domains/preferences/preferences.schema.js";
import { renderDigestMail } from "../../server/mail/templates/digest.js";
import { renderDirectMail } from "../../server/mail/templates/direct-mails.js";
import { escapeHtml, safeUrl, subjectLine } from "../../server/mail/templates/html.js";
import { formatDate, formatDateTime } from "../../server/mail/templates/i18n.js";
import type { NotificationMailContext } from "../../server/mail/templates/notification-template.js";
import { NOTIFICATION_TEMPLATES, renderNotificationMail } from "../../server/mail/templates/notification-mails.js";
import { DirectMailSchemas } from "../../server/mail/direct-mail.schema.js";

const ORIGIN = "https://jointly.example.org";
const urls = { page: `${ORIGIN}/p/p1/votes/m1`, settings: `${ORIGIN}/settings/notifications`, unsubscribe: `${ORIGIN}/unsubscribe/u1.user.votes.sig` };
const ctx: NotificationMailContext = {
  locale: "en",
  partnershipName: "Metro Health Training Partnership",
  bodyName: "Apprenticeship committee",
  formatDateTime: (iso) => formatDateTime(iso, { locale: "en", timeZone: "America/Detroit" }),
  formatDate: (value) => formatDate(value, { locale: "en" }),
};

const HOSTILE = `<script>alert("x")</script><a href="https://evil.example">click</a> & 'quoted'`;

/** A payload of each kind, every text field carrying `text`. */
function samplePayload(kind: NotificationKind, text = "Plain words"): unknown {
  const base = { partnershipId: "p1" };
  const samples: { [K in NotificationKind]: NotificationPayload<K> } = {
    "invitation.received": { ...base, partnershipName: text, invitedByName: text, roleLabel: "member", link: "/invitations/t" },
    "membership.joined": { ...base, partnershipName: text, memberName: text, organizationName: text },
    "agenda.published": { ...base, meetingId: "mt1", meetingTitle: text },
    "agenda.itemRejected": { ...base, meetingId: "mt1", meetingTitle: text, itemTitle: text, reason: text },
    "action.assigned": { ...base, meetingId: "mt1", meetingTitle: text, text, dueDate: "2026-12-09" },
    "minutes.approved": { ...base, meetingId: "mt1", meetingTitle: text },
    "agenda.awaitingApproval": { ...base, meetingId: "mt1", meetingTitle: text, version: 2, byName: text },
    "minutes.awaitingApproval": { ...base, meetingId: "mt1", meetingTitle: text, version: 1, byName: text },
    "action.dueSoon": { ...base, meetingId: "mt1", meetingTitle: text, text, dueDate: "2026-12-09" },
    "draft.replied": { ...base, draftId: "d1", draftTitle: text, byName: text, excerpt: text },
    "serviceRequest.submitted": { ...base, requestId: "r1", category: "Transportation" },
    "serviceRequest.awaitingSide": { ...base, requestId: "r1", category: "Transportation", categoryCode: "TRANSPORTATION", amountCents: 125_000, byName: text },
    "vote.opened": { ...base, motionId: "m1", motionText: text, deadline: "2026-12-02T20:00:00.000Z" },
    "vote.reminder": { ...base, motionId: "m1", motionText: text, deadline: "2026-12-02T20:00:00.000Z" },
    "draft.mentioned": { ...base, draftId: "d1", draftTitle: text, byName: text, excerpt: text },
    "draft.reviewRequested": { ...base, draftId: "d1", draftTitle: text, version: 3 },
    "draft.signedOff": { ...base, draftId: "d1", draftTitle: text, version: 3 },
    "draft.changesRequested": { ...base, draftId: "d1", draftTitle: text, version: 3, byName: text },
    "serviceRequest.updated": { ...base, requestId: "r1", category: "Transportation", statusLabel: "Needs more information" },
    "joint.waiting": { ...base, bodyId: "b1", changeId: "c1", title: text, proposedByName: text, step: "concur" },
    "joint.decided": { ...base, bodyId: null, changeId: "c1", title: text, outcome: "DECLINED", byName: text },
  };
  return NotificationPayloadSchemas[kind].parse(samples[kind]);
}

const render = (kind: NotificationKind, payload: unknown) =>
  renderNotificationMail({ kind, payload: payload as never, ctx, urls, groupLabel: "Votes" });

const mailedKinds = (Object.keys(NOTIFICATION_TEMPLATES) as NotificationKind[]).filter((k) => MAIL_KINDS[k]);

describe("notification mails", () => {
  it("has a template for every kind that is mailed, and none for the kinds that are not", () => {
    for (const kind of Object.keys(MAIL_KINDS) as NotificationKind[]) {
      expect(Boolean(NOTIFICATION_TEMPLATES[kind]), kind).toBe(Boolean(MAIL_KINDS[kind]));
    }
  });

  it.each(mailedKinds)("%s renders a subject, HTML and text with the partnership, the page link and the footer", (kind) => {
    const mail = render(kind, samplePayload(kind))!;
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    for (const part of [mail.html, mail.text]) {
      expect(part).not.toMatch(/undefined|\[object Object\]|NaN/);
      expect(part).toContain(urls.page);
      expect(part).toContain(urls.settings);
      expect(part).toContain(urls.unsubscribe);
      expect(part).toContain("You get this because");
    }
    if (kind !== "membership.joined") expect(mail.text).toContain("Metro Health Training Partnership");
    expect(mail.html).toContain(`href="${urls.page}"`);
  });

  it.each(mailedKinds)("%s escapes what users typed: no markup and no link of its own in the HTML", (kind) => {
    const mail = render(kind, samplePayload(kind, HOSTILE))!;
    expect(mail.html).not.toContain("<script");
    expect(mail.html).not.toContain('href="https://evil.example"');
    expect(mail.html.match(/<a /g)?.length ?? 0).toBeLessThanOrEqual(4); // button, its address, settings, unsubscribe
    // The services kinds carry no typed text at all (category and status are the app's own labels).
    const hasTypedText = kind !== "serviceRequest.updated" && kind !== "serviceRequest.submitted";
    if (hasTypedText) expect(mail.html).toContain("&lt;script&gt;");
    // The text part is plain text: the words as typed.
    if (hasTypedText) expect(mail.text).toContain(HOSTILE);
  });

  it("writes dates in the recipient's time zone, and a vote without a deadline says so", () => {
    const timed = render("vote.opened", samplePayload("vote.opened"))!;
    expect(timed.text).toContain("Voting closes Wed, Dec 2, 3:00 PM EST.");
    const open = render("vote.opened", { ...(samplePayload("vote.opened") as object), deadline: null })!;
    expect(open.text).toContain("The vote stays open until a co-chair closes it.");
    const action = render("action.assigned", samplePayload("action.assigned"))!;
    expect(action.text).toContain("due December 9, 2026");
  });

  it("names the committee and the partnership above the heading", () => {
    const mail = render("vote.opened", samplePayload("vote.opened"))!;
    expect(mail.text.split("\n")[0]).toBe("Metro Health Training Partnership · Apprenticeship committee");
  });

  it("never carries a trainee's name or contact in a services mail, even if a payload tried to", () => {
    const smuggled = NotificationPayloadSchemas["serviceRequest.updated"].parse({
      partnershipId: "p1",
      requestId: "r1",
      category: "Transportation",
      statusLabel: "Approved",
      traineeName: "Maria Traineeperson",
      traineeEmail: "maria@example.test",
      phone: "555-0100",
    });
    expect(Object.keys(smuggled).sort()).toEqual(["category", "partnershipId", "requestId", "statusLabel"]);
    const mail = render("serviceRequest.updated", smuggled)!;
    for (const part of [mail.subject, mail.html, mail.text]) {
      expect(part).not.toMatch(/Maria|Traineeperson|maria@example|555-0100/);
    }
    expect(mail.subject).toBe("Your request (Transportation): Approved");
  });
});

describe("digest", () => {
  const items = [
    { context: "Metro · Apprenticeship committee", text: "A vote is open: “<b>bold</b>”", url: `${ORIGIN}/p/p1/votes/m1` },
    { context: null, text: "Your request (Transportation) is now: Approved", url: `${ORIGIN}/p/p1/services/requests/r1` },
  ];

  it("lists every item with its link, escaped, under a subject that counts them", () => {
    const mail = renderDigestMail({ locale: "en", items, urls: { home: `${ORIGIN}/`, settings: urls.settings, unsubscribe: urls.unsubscribe } });
    expect(mail.subject).toBe("Your Jointly digest: 2 updates");
    expect(mail.html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>bold");
    for (const item of items) {
      expect(mail.html).toContain(`href="${item.url}"`);
      expect(mail.text).toContain(item.url);
    }
    expect(mail.text).toContain(urls.unsubscribe);
  });

  it("says 1 update, not 1 updates", () => {
    const mail = renderDigestMail({ locale: "en", items: items.slice(0, 1), urls: { home: `${ORIGIN}/`, settings: urls.settings, unsubscribe: urls.unsubscribe } });
    expect(mail.subject).toBe("Your Jointly digest: 1 update");
  });
});

describe("direct mails", () => {
  it("an invitation links to its page on our origin and has no unsubscribe link", () => {
    const data = DirectMailSchemas.invitation.parse({
      partnershipName: "Metro <Health>",
      invitedByName: "Lena",
      roleLabel: "member",
      path: "/invitations/abc123",
      expiresAt: "2026-12-09T12:00:00.000Z",
    });
    const mail = renderDirectMail("invitation", data, { locale: "en", origin: ORIGIN, formatDateTime: (iso) => formatDateTime(iso, { locale: "en", timeZone: null }) });
    expect(mail.subject).toBe("Lena invited you to Metro <Health> on Jointly");
    expect(mail.html).toContain(`href="${ORIGIN}/invitations/abc123"`);
    expect(mail.html).toContain("Metro &lt;Health&gt;");
    expect(mail.text).toContain("works until Wed, Dec 9, 12:00 PM UTC.");
    expect(mail.text).not.toContain("unsubscribe");
  });

  it("refuses a path that is not inside the app", () => {
    for (const path of ["https://evil.example/x", "//evil.example/x", "javascript:alert(1)"]) {
      expect(DirectMailSchemas.invitation.safeParse({ partnershipName: "P", invitedByName: "L", roleLabel: "member", path, expiresAt: "2026-12-09T12:00:00.000Z" }).success).toBe(false);
    }
  });
});

describe("html helpers", () => {
  it("escapes the five characters that matter", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("lets only http(s) URLs into an href", () => {
    expect(safeUrl("javascript:alert(1)")).toBe("#");
    expect(safeUrl("data:text/html,hi")).toBe("#");
    expect(safeUrl("not a url")).toBe("#");
    expect(safeUrl(`${ORIGIN}/p/1`)).toBe(`${ORIGIN}/p/1`);
  });

  it("keeps a subject on one line (no header injection) and short", () => {
    expect(subjectLine("Vote open:\r\nBcc: everyone@example.test")).toBe("Vote open: Bcc: everyone@example.test");
    expect(subjectLine("x".repeat(400))).toHaveLength(150);
  });
});
