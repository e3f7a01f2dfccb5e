// What other domains ask of the joint domain: to propose a change of one of its kinds (their old
// one-sided procedures now propose), and the answer's type. They call it with their own deps and the
// user, outside any transaction (it runs its own).
export { proposeJointChange, type ProposeInput } from "./changes.js";
export type { AppliedNow, Proposed, ProposedOr } from "./joint.schema.js";
