import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import superjson, { type SuperJSONResult } from "superjson";
import { excerpt, type MotionView } from "~/features/voting/labels";
import { MotionPage } from "~/features/voting/motion-page";
import { pageTitle } from "~/i18n/meta";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  return superjsonResponse(await load(request, () => context.trpc.voting.motion.get({ motionId: params.motionId ?? "" })));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const view = data ? superjson.deserialize<MotionView>(data.__superjson as SuperJSONResult) : null;
  return [{ title: view ? pageTitle(matches, "motion.pageTitle", "voting", { motion: excerpt(view.motion.text, 60) }) : pageTitle(matches, "motion.pageTitleNone", "voting") }];
};

export default function MotionRoute() {
  const { motionId = "" } = useParams();
  const initial = useData<typeof loader>();
  const query = trpc.voting.motion.get.useQuery({ motionId }, { initialData: initial });
  const view = query.data ?? initial;
  return <MotionPage key={motionId} view={view} refreshError={query.isError ? toUiError(query.error).message : null} />;
}
