// Helpers for the supportive-services integration tests: a partnership with two CBOs, an employer, a
// union and a workforce board, designated reviewers (one of them from a CBO, for conflicts of interest),
// a fund and a trainee per CBO; requests brought to a point of their life through the real procedures;
// and snapshots of the services tables (a refused call writes nothing).
import { addMember, createFund, createOrganization, createPartnership, createTrainee, createUser, designateReviewer } from "../../server/fixtures/factories.js";
import type { PartnershipRole } from "../../server/domains/partnerships/partnerships.schema.js";
import type { ServiceCategory } from "../../server/domains/services/services.rules.js";
import { startTestApp, type Db, type SignedIn, type TestApp } from "./test-app.js";

export type Person = SignedIn & { membershipId: string; name: string; organizationId: string };
export type ServicesWorld = Awaited<ReturnType<typeof servicesWorld>>;

let counter = 0;

/** A test app for the services domain (`env` overrides settings such as MAX_ATTACHMENT_BYTES). */
export async function startServicesApp(env: Record<string, string> = {}) {
  const app = await startTestApp({ env });
  return { app, close: () => app.close() };
}

/** A calendar date `days` from today, as the form sends it. */
export function dateIn(days: number) {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export async function servicesWorld(app: TestApp, options: { fundCents?: number } = {}) {
  const tag = ++counter;
  const founder = await createUser(app.db, { name: `Founder ${tag}` });
  const { partnership, organization: union } = await createPartnership(app.db, { creatorId: founder.id, seat: "LABOR" });
  const employer = await createOrganization(app.db, { partnershipId: partnership.id, type: "EMPLOYER", side: "MANAGEMENT" });
  const board = await createOrganization(app.db, { partnershipId: partnership.id, type: "WORKFORCE_BOARD", side: "NEUTRAL" });
  const cboA = await createOrganization(app.db, { partnershipId: partnership.id, type: "CBO", side: "NEUTRAL", name: `Eastside Works ${tag}` });
  const cboB = await createOrganization(app.db, { partnershipId: partnership.id, type: "CBO", side: "NEUTRAL", name: `Nuevo Futuro ${tag}` });

  async function person(name: string, organizationId: string, role: PartnershipRole = "MEMBER"): Promise<Person> {
    const user = await createUser(app.db, { name: `${name} ${tag}` });
    const membership = await addMember(app.db, { partnershipId: partnership.id, organizationId, userId: user.id, role });
    return { ...(await app.signIn(user)), membershipId: membership.id, name: user.name, organizationId };
  }

  const cboMember = await person("Rosa Requester", cboA.id);
  const cboColleague = await person("Carmen Colleague", cboA.id);
  const otherCbo = await person("Omar OtherCbo", cboB.id);
  const employerMember = await person("Erin Employer", employer.id);
  const unionMember = await person("Uma Union", union.id);
  const staff = await person("Priya Staff", board.id, "STAFF");
  const reviewer = await person("Rita Reviewer", board.id);
  const reviewer2 = await person("Ray Reviewer", employer.id);
  const cboReviewer = await person("Cody CboReviewer", cboA.id);
  for (const r of [reviewer, reviewer2, cboReviewer]) await designateReviewer(app.db, { membershipId: r.membershipId, designatedBy: staff.user.id });
  const fund = await createFund(app.db, { partnershipId: partnership.id, startingCents: options.fundCents ?? 500_000, name: `Supportive services fund ${tag}` });
  const trainee = await createTrainee(app.db, {
    partnershipId: partnership.id,
    organizationId: cboA.id,
    createdById: cboMember.user.id,
    name: `Maria Traineeperson ${tag}`,
    email: `maria${tag}@example.test`,
    phone: "555-0100",
    preferredLanguage: "Spanish",
  });
  const otherTrainee = await createTrainee(app.db, { partnershipId: partnership.id, organizationId: cboB.id, createdById: otherCbo.user.id, name: `Kwame Othertrainee ${tag}` });

  return {
    partnership,
    partnershipId: partnership.id,
    founder: await app.signIn(founder),
    union,
    employer,
    board,
    cboA,
    cboB,
    cboMember,
    cboColleague,
    otherCbo,
    employerMember,
    unionMember,
    staff,
    reviewer,
    reviewer2,
    cboReviewer,
    fund,
    trainee,
    otherTrainee,
    person,
    /** People who must never see a trainee of CBO A. */
    outsiders: [otherCbo, employerMember, unionMember] as const,
  };
}

export type RequestOptions = { amount?: string; category?: ServiceCategory; neededBy?: string; justification?: string; submit?: boolean; by?: Person; traineeId?: string };

/** A request by the CBO member for their trainee (submitted unless told otherwise); returns its id. */
export async function makeRequest(world: ServicesWorld, options: RequestOptions = {}) {
  const by = options.by ?? world.cboMember;
  const { id } = await by.trpc.services.request.create({
    partnershipId: world.partnershipId,
    traineeId: options.traineeId ?? world.trainee.id,
    category: options.category ?? "TRANSPORTATION",
    amount: options.amount ?? "150.00",
    neededBy: options.neededBy ?? dateIn(14),
    justification: options.justification ?? "Bus pass for the first two months of related instruction.",
    submit: options.submit ?? true,
  });
  return id;
}

/** Every row of the services tables, ordered by id (equal before and after a refused call). */
export async function snapshotServices(db: Db) {
  const byId = { orderBy: { id: "asc" } } as const;
  const [requests, events, funds, caps, trainees, grants, logs, attachments, reviewers, notifications, audit, approvals] = await Promise.all([
    db.serviceRequest.findMany(byId),
    db.requestEvent.findMany(byId),
    db.fund.findMany(byId),
    db.fundCap.findMany(byId),
    db.trainee.findMany(byId),
    db.traineeAccessGrant.findMany(byId),
    db.traineeAccessLog.findMany(byId),
    db.attachment.findMany(byId),
    db.serviceReviewer.findMany(byId),
    db.notification.findMany(byId),
    db.auditEvent.findMany(byId),
    db.requestApproval.findMany(byId),
  ]);
  return { requests, events, funds, caps, trainees, grants, logs, attachments, reviewers, notifications, audit, approvals };
}

export async function fundOf(db: Db, fundId: string) {
  return db.fund.findUniqueOrThrow({ where: { id: fundId }, select: { startingCents: true, committedCents: true, spentCents: true } });
}

/** Uploads a file through the real HTTP route, as the browser does. */
export async function upload(app: TestApp, who: { cookie: string } | null, requestId: string, name: string, bytes: Uint8Array, options: { origin?: string | null } = {}) {
  const headers: Record<string, string> = { "content-type": "application/octet-stream" };
  if (who) headers.cookie = who.cookie;
  const origin = options.origin === undefined ? app.config.appOrigin : options.origin;
  if (origin) headers.origin = origin;
  const res = await fetch(`${app.baseUrl}/api/services/requests/${requestId}/attachments?name=${encodeURIComponent(name)}`, { method: "POST", headers, body: Buffer.from(bytes) });
  const body = (await res.json().catch(() => null)) as { attachment?: { id: string }; error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } } | null;
  return { status: res.status, body };
}

export async function download(app: TestApp, who: { cookie: string } | null, attachmentId: string) {
  const res = await fetch(`${app.baseUrl}/api/services/attachments/${attachmentId}`, { headers: who ? { cookie: who.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
