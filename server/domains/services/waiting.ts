// What waits for a person in supportive services, across the partnerships of their reach: requests in
// their review queue (they are a designated reviewer; submitted or under review, waiting for a decision,
// and never their own organization's: a reviewer does not review those), and their organization's
// requests sent back for more information that it may still answer (it owns the trainee or holds the
// owner's grant). The queue carries no trainee identity, as the reviewers' list never does; an answer
// shows the trainee's name only where `traineeVia` allows it. Each list is one query built from the
// person's memberships and organizations.
import type { Reach } from "../../access/reach.js";
import type { AppDeps } from "../../deps.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { mayActForTrainee, traineeVia } from "./services.policy.js";
import type { RequestStatus, ServiceCategory } from "./services.rules.js";

export const WAITING_LIMIT = 100;

/** The statuses in which a request waits for a reviewer's decision. */
const TO_DECIDE: RequestStatus[] = ["SUBMITTED", "UNDER_REVIEW"];

export async function servicesWaitingFor(deps: Pick<AppDeps, "db">, { reach }: { reach: Reach }) {
  const reviewing: Prisma.ServiceRequestWhereInput[] = reach.partnerships
    .filter((p) => p.isReviewer)
    .map((p) => ({ partnershipId: p.partnershipId, status: { in: TO_DECIDE }, organizationId: { not: p.organizationId } }));
  const answering: Prisma.ServiceRequestWhereInput[] = reach.partnerships.map((p) => ({
    partnershipId: p.partnershipId,
    organizationId: p.organizationId,
    status: "NEEDS_INFO",
    trainee: { OR: [{ organizationId: p.organizationId }, { grants: { some: { organizationId: p.organizationId } } }] },
  }));
  const [queue, answers] = await Promise.all([
    reviewing.length
      ? deps.db.serviceRequest.findMany({
          where: { OR: reviewing },
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          take: WAITING_LIMIT,
          select: { id: true, partnershipId: true, status: true, category: true, requestedCents: true, neededBy: true, submittedAt: true, createdAt: true, organization: { select: { name: true } } },
        })
      : Promise.resolve([]),
    answering.length
      ? deps.db.serviceRequest.findMany({
          where: { OR: answering },
          orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
          take: WAITING_LIMIT,
          select: {
            id: true,
            partnershipId: true,
            organizationId: true,
            category: true,
            requestedCents: true,
            neededBy: true,
            updatedAt: true,
            trainee: { select: { name: true, organizationId: true, grants: { select: { organizationId: true } } } },
          },
        })
      : Promise.resolve([]),
  ]);
  return {
    /** No trainee: the queue never names one (the request page does, and logs the read). */
    toReview: queue.map((r) => ({
      requestId: r.id,
      partnershipId: r.partnershipId,
      status: r.status as RequestStatus,
      category: r.category as ServiceCategory,
      requestedCents: r.requestedCents,
      neededBy: r.neededBy,
      organizationName: r.organization.name,
      since: r.submittedAt ?? r.createdAt,
    })),
    toAnswer: answers.map((r) => {
      const via = traineeVia({
        viewerOrganizationId: r.organizationId,
        ownerOrganizationId: r.trainee.organizationId,
        hasGrant: r.trainee.grants.some((g) => g.organizationId === r.organizationId),
        isReviewer: false,
        underReview: false,
      });
      return {
        requestId: r.id,
        partnershipId: r.partnershipId,
        category: r.category as ServiceCategory,
        requestedCents: r.requestedCents,
        neededBy: r.neededBy,
        traineeName: mayActForTrainee(via) ? r.trainee.name : null,
        since: r.updatedAt,
      };
    }),
  };
}
