import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { INT4_MAX } from "../../server/domains/common.schema.js";
import {
  AddCommentInputSchema,
  CompareInputSchema,
  DraftSettingsInputSchema,
  HOURS_MAX,
  MODULE_TEXT_MAX,
  SaveDraftInputSchema,
  SignOffInputSchema,
  VersionInputSchema,
} from "../../server/domains/drafts/drafts.schema.js";
import { RedirectToSchema, SignInInputSchema, SignUpInputSchema } from "../../server/domains/identity/identity.schema.js";
import {
  CreateCommitteeInputSchema,
  CreateInvitationInputSchema,
  CreateOrganizationInputSchema,
  CreatePartnershipInputSchema,
  DESCRIPTION_MAX,
  EmailSchema,
  InvitationTokenSchema,
  NAME_MAX,
  SetSeatInputSchema,
  UpdateCommitteeInputSchema,
  UpdateOrganizationInputSchema,
  UpdatePartnershipInputSchema,
} from "../../server/domains/partnerships/partnerships.schema.js";
import { ServiceSettingsInputSchema } from "../../server/domains/services/services.schema.js";

/** The field errors zod reports for an input (empty when it parses). */
function fieldErrors(schema: z.ZodTypeAny, input: unknown): Record<string, string[] | undefined> {
  const result = schema.safeParse(input);
  return result.success ? {} : (result.error.flatten().fieldErrors as Record<string, string[] | undefined>);
}

const partnership = {
  name: "Great Lakes Manufacturing Skills Partnership",
  sector: "MANUFACTURING",
  description: "",
  organizationName: "Steelworkers Local 3120",
  organizationType: "UNION",
  seat: "LABOR",
};

describe("names and descriptions", () => {
  it("accepts a name of exactly 200 characters and refuses 201", () => {
    expect(NAME_MAX).toBe(200);
    expect(fieldErrors(CreatePartnershipInputSchema, { ...partnership, name: "n".repeat(200) })).toEqual({});
    expect(fieldErrors(CreatePartnershipInputSchema, { ...partnership, name: "n".repeat(201) })).toEqual({
      name: ["Name must be at most 200 characters."],
    });
    expect(fieldErrors(CreatePartnershipInputSchema, { ...partnership, organizationName: "o".repeat(201) })).toEqual({
      organizationName: ["Your organization must be at most 200 characters."],
    });
  });

  it("applies the name limit to every named thing", () => {
    const long = "x".repeat(201);
    expect(fieldErrors(UpdatePartnershipInputSchema, { partnershipId: "p1", name: long, sector: "OTHER" })).toHaveProperty("name");
    expect(fieldErrors(CreateOrganizationInputSchema, { partnershipId: "p1", name: long, type: "UNION", side: "LABOR" })).toHaveProperty("name");
    expect(
      fieldErrors(UpdateOrganizationInputSchema, { partnershipId: "p1", organizationId: "o1", name: long, type: "UNION", side: "LABOR" }),
    ).toHaveProperty("name");
    expect(fieldErrors(CreateCommitteeInputSchema, { partnershipId: "p1", name: long })).toHaveProperty("name");
    expect(fieldErrors(UpdateCommitteeInputSchema, { bodyId: "b1", name: long })).toHaveProperty("name");
    expect(fieldErrors(SignUpInputSchema, { name: long, email: "a@example.org", password: "long enough password" })).toEqual({
      name: ["Name must be at most 200 characters."],
    });
  });

  it("measures a name after trimming and refuses a blank one", () => {
    const parsed = CreatePartnershipInputSchema.parse({ ...partnership, name: `  ${"n".repeat(200)}  ` });
    expect(parsed.name).toHaveLength(200);
    expect(fieldErrors(CreatePartnershipInputSchema, { ...partnership, name: "   " })).toEqual({ name: ["Name is required."] });
    expect(fieldErrors(CreatePartnershipInputSchema, { ...partnership, name: 42 })).toEqual({ name: ["Name must be text."] });
    const { name: _name, ...withoutName } = partnership;
    expect(fieldErrors(CreatePartnershipInputSchema, withoutName)).toEqual({ name: ["Name is required."] });
  });

  it("accepts a description of 10,000 characters and refuses 10,001", () => {
    expect(DESCRIPTION_MAX).toBe(10_000);
    expect(fieldErrors(CreatePartnershipInputSchema, { ...partnership, description: "d".repeat(10_000) })).toEqual({});
    expect(fieldErrors(CreatePartnershipInputSchema, { ...partnership, description: "d".repeat(10_001) })).toEqual({
      description: ["Description must be at most 10,000 characters."],
    });
    expect(fieldErrors(CreateCommitteeInputSchema, { partnershipId: "p1", name: "JATC", description: "d".repeat(10_001) })).toHaveProperty(
      "description",
    );
  });

  it("defaults a missing description to empty", () => {
    expect(CreateCommitteeInputSchema.parse({ partnershipId: "p1", name: "JATC" }).description).toBe("");
  });
});

describe("vocabularies", () => {
  it("refuses values outside each list, with a readable message", () => {
    expect(fieldErrors(CreatePartnershipInputSchema, { ...partnership, sector: "MINING" })).toEqual({ sector: ["Choose a sector."] });
    expect(fieldErrors(CreatePartnershipInputSchema, { ...partnership, organizationType: "CHURCH" })).toEqual({
      organizationType: ["Choose an organization type."],
    });
    // The creator takes a co-chair seat, so a neutral seat makes no sense.
    expect(fieldErrors(CreatePartnershipInputSchema, { ...partnership, seat: "NEUTRAL" })).toEqual({
      seat: ["Choose your side's co-chair seat."],
    });
    expect(fieldErrors(CreateOrganizationInputSchema, { partnershipId: "p1", name: "X", type: "UNION", side: "LEFT" })).toEqual({
      side: ["Choose a side."],
    });
    expect(fieldErrors(SetSeatInputSchema, { bodyId: "b1", membershipId: "m1", role: "CHAIR" })).toEqual({ role: ["Choose a role."] });
  });

  it("defaults a seat to voting and refuses a non-boolean", () => {
    expect(SetSeatInputSchema.parse({ bodyId: "b1", membershipId: "m1", role: "MEMBER" }).isVoting).toBe(true);
    expect(fieldErrors(SetSeatInputSchema, { bodyId: "b1", membershipId: "m1", role: "MEMBER", isVoting: "yes" })).toHaveProperty("isVoting");
  });

  it("refuses empty and over-long ids", () => {
    expect(fieldErrors(UpdatePartnershipInputSchema, { partnershipId: "", name: "P", sector: "OTHER" })).toEqual({
      partnershipId: ["Required."],
    });
    expect(fieldErrors(UpdatePartnershipInputSchema, { partnershipId: "i".repeat(65), name: "P", sector: "OTHER" })).toHaveProperty(
      "partnershipId",
    );
  });
});

describe("emails", () => {
  it("trims and lower-cases an email", () => {
    expect(EmailSchema.parse("  Denise.Carter@Example.ORG ")).toBe("denise.carter@example.org");
  });

  it.each(["not-an-email", "denise@", "@example.org", "denise carter@example.org", "denise@@example.org", "denise@example"])(
    "refuses %j",
    (email) => {
      expect(EmailSchema.safeParse(email).success).toBe(false);
    },
  );

  it("refuses a missing or empty email, and one over 254 characters", () => {
    expect(fieldErrors(CreateInvitationInputSchema, { partnershipId: "p1", organizationId: "o1", role: "MEMBER" })).toEqual({
      email: ["Email is required."],
    });
    expect(fieldErrors(SignInInputSchema, { email: "", password: "x" })).toHaveProperty("email");
    const long = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.org`;
    expect(long.length).toBeGreaterThan(254);
    expect(fieldErrors(SignInInputSchema, { email: long, password: "x" })).toEqual({ email: ["Email must be at most 254 characters."] });
  });

  it("validates the email of an invitation", () => {
    expect(fieldErrors(CreateInvitationInputSchema, { partnershipId: "p1", organizationId: "o1", role: "MEMBER", email: "nope" })).toEqual({
      email: ["Enter a valid email address."],
    });
    expect(fieldErrors(CreateInvitationInputSchema, { partnershipId: "p1", organizationId: "", role: "MEMBER", email: "a@b.org" })).toEqual({
      organizationId: ["Choose an organization."],
    });
  });
});

describe("sign-up and sign-in", () => {
  const valid = { name: "Denise Carter", email: "denise@example.org", password: "a long enough password" };

  it("accepts a valid sign-up", () => {
    expect(SignUpInputSchema.parse({ ...valid, email: "Denise@Example.org" })).toEqual({ ...valid, email: "denise@example.org" });
  });

  it("needs a password of 10 to 200 characters", () => {
    expect(fieldErrors(SignUpInputSchema, { ...valid, password: "123456789" })).toEqual({ password: ["Use at least 10 characters."] });
    expect(fieldErrors(SignUpInputSchema, { ...valid, password: "p".repeat(10) })).toEqual({});
    expect(fieldErrors(SignUpInputSchema, { ...valid, password: "p".repeat(201) })).toEqual({ password: ["Use at most 200 characters."] });
  });

  it("needs a name and an email", () => {
    expect(fieldErrors(SignUpInputSchema, { password: valid.password })).toEqual({
      name: ["Your name is required."],
      email: ["Email is required."],
    });
  });

  it("needs a password to sign in, of at most 200 characters", () => {
    expect(fieldErrors(SignInInputSchema, { email: valid.email, password: "" })).toEqual({ password: ["Enter your password."] });
    expect(fieldErrors(SignInInputSchema, { email: valid.email })).toEqual({ password: ["Enter your password."] });
    expect(fieldErrors(SignInInputSchema, { email: valid.email, password: "p".repeat(201) })).toHaveProperty("password");
  });
});

describe("RedirectToSchema", () => {
  it.each(["/", "/p/abc123", "/p/abc123/committees?tab=people#seats", "/invitations/some-token"])("keeps the same-site path %j", (path) => {
    expect(RedirectToSchema.parse(path)).toBe(path);
  });

  it.each([
    "//evil.com",
    "//evil.com/p/abc",
    "https://evil.com",
    "http://evil.com/",
    "/\\evil.com",
    "\\\\evil.com",
    "javascript:alert(1)",
    "evil.com",
    "",
    // Browsers drop tabs and newlines from URLs, which would turn these into "//evil.com".
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
  ])("replaces %j with /", (target) => {
    expect(RedirectToSchema.parse(target)).toBe("/");
  });

  it("replaces a non-string or an over-long path with /", () => {
    expect(RedirectToSchema.parse(undefined)).toBe("/");
    expect(RedirectToSchema.parse(42)).toBe("/");
    expect(RedirectToSchema.parse(`/${"a".repeat(2000)}`)).toBe("/");
  });

  it("never yields a target that leaves the site, whatever a browser does with it", () => {
    const base = "https://jointly.example.org";
    for (const target of ["//evil.com", "https://evil.com", "/\\evil.com", "/\t/evil.com", "/\n/evil.com", "/ok/../..//evil.com"]) {
      expect(new URL(RedirectToSchema.parse(target), base).origin).toBe(base);
    }
  });
});

describe("InvitationTokenSchema", () => {
  it("takes a token of 20 to 100 characters", () => {
    expect(InvitationTokenSchema.safeParse({ token: "t".repeat(43) }).success).toBe(true);
    expect(InvitationTokenSchema.safeParse({ token: "t".repeat(19) }).success).toBe(false);
    expect(InvitationTokenSchema.safeParse({ token: "t".repeat(101) }).success).toBe(false);
  });
});

describe("numbers", () => {
  const days = (targetDays: unknown) => fieldErrors(ServiceSettingsInputSchema, { partnershipId: "p1", targetDays });

  it("takes a whole number in bounds, as a number or as the text a form sends", () => {
    expect(ServiceSettingsInputSchema.parse({ partnershipId: "p1", targetDays: 14 }).targetDays).toBe(14);
    expect(ServiceSettingsInputSchema.parse({ partnershipId: "p1", targetDays: " 14 " }).targetDays).toBe(14);
    expect(ServiceSettingsInputSchema.parse({ partnershipId: "p1", targetDays: "90" }).targetDays).toBe(90);
  });

  it.each([
    ["a Date (superjson sends real ones; coercion made it 1.7 trillion)", new Date()],
    ["true (coercion made it 1)", true],
    ["false", false],
    ["an empty field (coercion made it 0)", ""],
    ["words", "fourteen"],
    ["exponent notation", "1e1"],
    ["hex", "0x0e"],
    ["NaN", Number.NaN],
    ["null", null],
    ["a list", [14]],
    ["an object", { valueOf: () => 14 }],
  ])("refuses %s with the field's message, never coercing it", (_label, value) => {
    expect(days(value)).toEqual({ targetDays: ["Enter a number of days."] });
  });

  it.each([
    [0, "At least one day."],
    [91, "At most 90 days."],
    ["91", "At most 90 days."],
    [1e308, "At most 90 days."],
    [-1e308, "At least one day."],
    [Number.POSITIVE_INFINITY, "At most 90 days."],
    [1.5, "Whole days only."],
    ["1.5", "Whole days only."],
  ])("refuses %s: %s", (value, message) => {
    expect(days(value).targetDays).toContain(message);
  });

  it("bounds every number a draft input carries", () => {
    const module = { title: "Safety", objectives: "", relatedHours: 0, ojlHours: 0 };
    const save = (patch: object) =>
      fieldErrors(SaveDraftInputSchema, { draftId: "d1", title: "T", occupation: "O", programKind: "SHORT_COURSE", baseRevision: 0, modules: [module], ...patch });
    expect(save({})).toEqual({});
    expect(save({ modules: [{ ...module, relatedHours: "40" }] })).toEqual({});
    expect(save({ baseRevision: 1e308 })).toHaveProperty("baseRevision");
    expect(save({ baseRevision: INT4_MAX })).toEqual({});
    expect(save({ modules: [{ ...module, relatedHours: HOURS_MAX + 1 }] })).toHaveProperty("modules");
    expect(save({ modules: [{ ...module, ojlHours: new Date() }] })).toHaveProperty("modules");
    expect(save({ modules: [{ ...module, ojlHours: true }] })).toHaveProperty("modules");
    expect(fieldErrors(CompareInputSchema, { draftId: "d1", from: 0, to: INT4_MAX + 1 })).toHaveProperty("to");
    expect(fieldErrors(VersionInputSchema, { draftId: "d1", number: 1e308 })).toHaveProperty("number");
    expect(fieldErrors(SignOffInputSchema, { draftId: "d1", versionNumber: 1e308, decision: "SIGNED_OFF" })).toHaveProperty("versionNumber");
    const anchor = { start: 0, end: MODULE_TEXT_MAX + 1, quote: "x", version: 0 };
    expect(fieldErrors(AddCommentInputSchema, { draftId: "d1", moduleKey: "abcd", anchor, body: "Hi" })).toHaveProperty("anchor");
    const settings = { bodyId: "b1", editorMembershipIds: [], reviewerMembershipIds: ["m1"], rule: "AT_LEAST" };
    expect(fieldErrors(DraftSettingsInputSchema, { ...settings, minimum: "1" })).toEqual({});
    expect(fieldErrors(DraftSettingsInputSchema, { ...settings, minimum: true })).toEqual({ minimum: ["Enter a number."] });
  });
});
