// Secret ballots sealed at rest (decision 0010): each vote's key pair, derived from the server's secret
// and the motion id (the private key is never stored), and each ballot's side and choice as a sealed
// box (libsodium's crypto_box_seal) of a fixed size. Only the close opens them.
import { hkdfSync, randomInt, timingSafeEqual } from "node:crypto";
import sodium from "libsodium-wrappers";
import type { Config } from "../../config.js";
import { appSecret } from "../../secrets.js";
import { CHOICES, type Choice, type VoteSide } from "./voting.rules.js";

/** libsodium, once its WebAssembly is ready (awaited here rather than at the top level, so any loader can import this file). */
async function libsodium() {
  await sodium.ready;
  return sodium;
}

/** What the keys are derived from: the server's secret (APP_SECRET, or the file generated once). */
export type SecretConfig = Pick<Config, "APP_SECRET" | "APP_SECRET_FILE">;
/** Bytes as Prisma stores them (libsodium answers with views of any buffer; these are copies). */
export type Bytes = Uint8Array<ArrayBuffer>;
export type BallotKeys = { publicKey: Bytes; privateKey: Bytes };
export type SealedChoice = { side: VoteSide; choice: Choice };

const SIDES: readonly VoteSide[] = ["LABOR", "MANAGEMENT", "NEUTRAL"];
/** Every plaintext is padded to this size, so every box has the same length whatever it holds. */
export const PLAINTEXT_BYTES = 32;
/** The length of every box: the padded plaintext, an ephemeral public key (32) and a MAC (16): 80 bytes. */
export const BOX_BYTES = PLAINTEXT_BYTES + 48;

// HKDF's salt and info separate these keys from every other use of the server's secret (the mail
// links' HMAC) and from one another (one key pair per motion). "v1" names this derivation, so a
// future one can live beside it.
const HKDF_SALT = "jointly:secret-ballot";
const hkdfInfo = (motionId: string) => `jointly:secret-ballot:v1:motion:${motionId}`;

/** The key pair of one motion's secret vote, from a secret. The same inputs give the same keys, in any process. */
export async function deriveBallotKeys(secret: string, motionId: string): Promise<BallotKeys> {
  const sodium = await libsodium();
  const seed = new Uint8Array(hkdfSync("sha256", secret, HKDF_SALT, hkdfInfo(motionId), sodium.crypto_box_SEEDBYTES));
  const { publicKey, privateKey } = sodium.crypto_box_seed_keypair(seed);
  sodium.memzero(seed);
  return { publicKey: Uint8Array.from(publicKey), privateKey: Uint8Array.from(privateKey) };
}

/** The key pair of one motion's secret vote, from this server's secret. */
export const voteKeys = (config: SecretConfig, motionId: string) => deriveBallotKeys(appSecret(config), motionId);

/** Whether two public keys are the same (constant time). */
export const sameKey = (a: Uint8Array, b: Uint8Array) => a.length === b.length && timingSafeEqual(a, b);

/** `SIDE:CHOICE`, padded (ISO/IEC 7816-4, libsodium's sodium_pad) to PLAINTEXT_BYTES. */
export async function encodeBallot({ side, choice }: SealedChoice): Promise<Uint8Array> {
  const sodium = await libsodium();
  const padded = sodium.pad(sodium.from_string(`${side}:${choice}`), PLAINTEXT_BYTES);
  if (padded.length !== PLAINTEXT_BYTES) throw new Error(`A ballot's plaintext must pad to ${PLAINTEXT_BYTES} bytes`);
  return padded;
}

/** A ballot sealed to the vote's public key: only the private key opens it; a fresh ephemeral key each time, so equal ballots give unrelated boxes. */
export async function sealBallot(publicKey: Uint8Array, ballot: SealedChoice): Promise<Bytes> {
  const sodium = await libsodium();
  const box = sodium.crypto_box_seal(await encodeBallot(ballot), publicKey);
  if (box.length !== BOX_BYTES) throw new Error(`A sealed ballot must have ${BOX_BYTES} bytes`);
  return Uint8Array.from(box);
}

/** Opens one box; throws when it does not open with these keys or does not hold a side and a choice. */
export async function openBallot(keys: BallotKeys, box: Uint8Array): Promise<SealedChoice> {
  const sodium = await libsodium();
  if (box.length !== BOX_BYTES) throw new Error(`A sealed ballot has ${box.length} bytes, not ${BOX_BYTES}`);
  const plaintext = sodium.crypto_box_seal_open(box, keys.publicKey, keys.privateKey);
  const [side, choice, ...rest] = sodium.to_string(sodium.unpad(plaintext, PLAINTEXT_BYTES)).split(":");
  if (rest.length || !SIDES.includes(side as VoteSide) || !CHOICES.includes(choice as Choice)) throw new Error("A sealed ballot holds no side and choice");
  return { side: side as VoteSide, choice: choice as Choice };
}

/** A uniformly random permutation (Fisher–Yates with the system's CSPRNG): a batch's boxes are stored in no one's arrival order. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
