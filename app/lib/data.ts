// Loader data that keeps Dates and other rich types: loaders return superjson, components read it back
// with the same types the tRPC client gives, so a query can start from the loader's data.
import { json, type TypedResponse } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import superjson, { type SuperJSONResult } from "superjson";

type Carried<T> = { __superjson: SuperJSONResult; __type?: T };

export function superjsonResponse<T>(data: T, init?: ResponseInit): TypedResponse<Carried<T>> {
  return json({ __superjson: superjson.serialize(data) } as Carried<T>, init);
}

type DataOf<L> = L extends (...args: never[]) => Promise<TypedResponse<Carried<infer T>>> | TypedResponse<Carried<infer T>> ? T : never;

/**
 * One deserialized copy per loader answer, however many components read it (a page's layout data is
 * read by a dozen; each used to deserialize it again, during every server render too). Read-only, as
 * loader data always is.
 */
const deserialized = new WeakMap<object, unknown>();
function read<T>(carried: Carried<T>): T {
  if (!deserialized.has(carried)) deserialized.set(carried, superjson.deserialize<T>(carried.__superjson));
  return deserialized.get(carried) as T;
}

export function useData<L>(): DataOf<L> {
  const carried = useLoaderData() as unknown as Carried<DataOf<L>>;
  return useMemo(() => read(carried), [carried]);
}

export function useRouteData<L>(routeId: string): DataOf<L> | undefined {
  const carried = useRouteLoaderData(routeId) as unknown as Carried<DataOf<L>> | undefined;
  return useMemo(() => (carried ? read(carried) : undefined), [carried]);
}
