// What other domains may ask of voting. Reads come with voting's own permission checks (a motion is
// seen only by its body's members); nothing here writes.
export { getMotion, listMotions } from "./voting.reads.js";
export type { MotionResult } from "./vote-lifecycle.js";
