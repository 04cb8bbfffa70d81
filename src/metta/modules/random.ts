/**
 * The `random` built-in module (§5.14): seedable random generators as grounded atoms.
 *
 * The generator is xoshiro128** (four 32-bit words of state), seeded from a 64-bit seed
 * through splitmix64, or from the operating system's entropy (Web Crypto's
 * `getRandomValues`, present in Node.js and browsers alike). Its sequence is not the
 * reference's (which uses Rust's `StdRng`); what matches is the contract: the same seed
 * gives the same sequence, ranges are half-open, and empty ranges are errors.
 *
 * @module
 */
import { sym, UNIT, type Atom, type GroundedAtom } from '../../atomspace/atom.js';
import { BOOL_TYPE, NUMBER_TYPE, bool, float, int, normInt, type IntValue } from '../../atomspace/values.js';
import { GroundedOp, MettaRuntimeError } from '../grounded.js';
import { asNumber, toF64, toI64 } from '../stdlib/arithmetic.js';
import { UNIT_ATOM_TYPE, UNIT_TYPE, arrow } from '../stdlib/types-helper.js';

/** The type of random generator atoms. */
export const RANDOM_GENERATOR_TYPE = sym('RandomGenerator');

const U64_MASK = (1n << 64n) - 1n;
const TWO_POW_32 = 2 ** 32;
const TWO_POW_53 = 2 ** 53;

/** The four 32-bit state words for a 64-bit seed (splitmix64 output, as xoshiro advises). */
function stateFromSeed(seed: bigint): Uint32Array {
  let x = BigInt.asUintN(64, seed);
  const words = new Uint32Array(4);
  for (let i = 0; i < 2; i++) {
    x = (x + 0x9e3779b97f4a7c15n) & U64_MASK;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & U64_MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & U64_MASK;
    z ^= z >> 31n;
    words[2 * i] = Number(z & 0xffffffffn);
    words[2 * i + 1] = Number(z >> 32n);
  }
  // An all-zero state would only ever produce zeros.
  if (words.every((w) => w === 0)) words[0] = 1;
  return words;
}

function entropySeed(): bigint {
  const [low, high] = globalThis.crypto.getRandomValues(new Uint32Array(2));
  return (BigInt(high) << 32n) | BigInt(low);
}

let nextGeneratorId = 1;

/** A mutable random generator; equal only to itself. */
export class RandomGenerator implements GroundedAtom {
  readonly kind = 'grounded' as const;
  readonly type: Atom = RANDOM_GENERATOR_TYPE;
  private state: Uint32Array;
  private readonly id = nextGeneratorId++;

  /** A generator seeded with `seed` (taken modulo 2^64), or from OS entropy when omitted. */
  constructor(seed?: bigint) {
    this.state = stateFromSeed(seed ?? entropySeed());
  }

  /** Restarts the sequence from `seed` (modulo 2^64). */
  reseed(seed: bigint): void {
    this.state = stateFromSeed(seed);
  }

  /** Restarts the sequence from fresh OS entropy. */
  reset(): void {
    this.state = stateFromSeed(entropySeed());
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextU32(): number {
    const s = this.state;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  nextUnit(): number {
    return ((this.nextU32() >>> 5) * 2 ** 26 + (this.nextU32() >>> 6)) / TWO_POW_53;
  }

  /** A uniform integer in [0, bound), 0 < bound < 2^53, without modulo bias. */
  private below(bound: number): number {
    if (bound <= TWO_POW_32) {
      const limit = TWO_POW_32 - (TWO_POW_32 % bound);
      for (;;) {
        const x = this.nextU32();
        if (x < limit) return x % bound;
      }
    }
    const limit = TWO_POW_53 - (TWO_POW_53 % bound);
    for (;;) {
      const x = (this.nextU32() >>> 11) * TWO_POW_32 + this.nextU32();
      if (x < limit) return x % bound;
    }
  }

  /** A uniform integer in [0, bound), 0 < bound <= 2^64, without modulo bias. */
  private belowBig(bound: bigint): bigint {
    const space = 1n << 64n;
    const limit = space - (space % bound);
    for (;;) {
      const x = (BigInt(this.nextU32()) << 32n) | BigInt(this.nextU32());
      if (x < limit) return x % bound;
    }
  }

  /** A uniform integer in [start, end); the caller ensures start < end. */
  intInRange(start: IntValue, end: IntValue): IntValue {
    if (typeof start === 'number' && typeof end === 'number' && Number.isSafeInteger(end - start)) {
      return start + this.below(end - start);
    }
    const lo = BigInt(start);
    return normInt(lo + this.belowBig(BigInt(end) - lo));
  }

  /** A uniform double in [start, end); the caller ensures start < end, both finite. */
  floatInRange(start: number, end: number): number {
    for (;;) {
      const u = this.nextUnit();
      const span = end - start;
      // A span too wide for a double is interpolated from both ends instead.
      const x = Number.isFinite(span) ? start + u * span : start * (1 - u) + end * u;
      // Rounding can land exactly on `end`; draw again to keep the range half-open.
      if (x < end) return x;
    }
  }

  equals(other: GroundedAtom): boolean {
    return other === this;
  }
  toString(): string {
    return `RandomGenerator-0x${this.id.toString(16).padStart(12, '0')}`;
  }
  /** Unique per generator, since a generator equals only itself. */
  indexKey(): string {
    return 'rng:' + this.id;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

function generatorArg(atom: Atom | undefined, message: string): RandomGenerator {
  if (atom instanceof RandomGenerator) return atom;
  throw new MettaRuntimeError(message);
}

function numberArg(atom: Atom | undefined, message: string) {
  const n = asNumber(atom);
  if (n === undefined) throw new MettaRuntimeError(message);
  return n;
}

/** A seed as the reference takes it: an i64 reinterpreted as u64. */
function seedArg(atom: Atom | undefined, message: string): bigint {
  return BigInt.asUintN(64, BigInt(toI64(numberArg(atom, message))));
}

const RANGE_IS_EMPTY = 'RangeIsEmpty';

function randomInt(): GroundedOp {
  const message = 'random-int expects three arguments: random generator, number (start) and number (end)';
  const type = arrow(RANDOM_GENERATOR_TYPE, NUMBER_TYPE, NUMBER_TYPE, NUMBER_TYPE);
  return new GroundedOp('random-int', type, (args) => {
    if (args[0] === undefined) throw new MettaRuntimeError(message);
    // The bounds are checked before the generator, as in the reference.
    const start = toI64(numberArg(args[1], message));
    const end = toI64(numberArg(args[2], message));
    const gen = generatorArg(args[0], 'random-int expects a random generator as its argument');
    if (!(start < end)) throw new MettaRuntimeError(RANGE_IS_EMPTY);
    return [int(gen.intInRange(start, end))];
  });
}

function randomFloat(): GroundedOp {
  const message = 'random-float expects three arguments: random generator, number (start) and number (end)';
  const type = arrow(RANDOM_GENERATOR_TYPE, NUMBER_TYPE, NUMBER_TYPE, NUMBER_TYPE);
  return new GroundedOp('random-float', type, (args) => {
    if (args[0] === undefined) throw new MettaRuntimeError(message);
    const start = toF64(numberArg(args[1], message));
    const end = toF64(numberArg(args[2], message));
    const gen = generatorArg(args[0], 'random-float expects a random generator as its argument');
    if (!(start < end)) throw new MettaRuntimeError(RANGE_IS_EMPTY);
    // The reference aborts on infinite bounds; an error atom is the closest safe answer.
    if (!Number.isFinite(start) || !Number.isFinite(end)) {
      throw new MettaRuntimeError('random-float expects finite range bounds');
    }
    return [float(gen.floatInRange(start, end))];
  });
}

function setRandomSeed(): GroundedOp {
  const message = 'set-random-seed expects two arguments: random generator and number (seed)';
  return new GroundedOp('set-random-seed', arrow(RANDOM_GENERATOR_TYPE, NUMBER_TYPE, UNIT_TYPE), (args) => {
    if (args[0] === undefined) throw new MettaRuntimeError(message);
    const seed = seedArg(args[1], message);
    generatorArg(args[0], 'set-random-seed expects a random generator as its argument').reseed(seed);
    return [UNIT];
  });
}

function newRandomGenerator(): GroundedOp {
  const message = 'new-random-generator expects one argument: number (seed)';
  return new GroundedOp('new-random-generator', arrow(NUMBER_TYPE, RANDOM_GENERATOR_TYPE), (args) => [
    new RandomGenerator(seedArg(args[0], message)),
  ]);
}

function resetRandomGenerator(): GroundedOp {
  const message = 'reset-random-generator expects one argument: random generator';
  return new GroundedOp('reset-random-generator', arrow(RANDOM_GENERATOR_TYPE, UNIT_ATOM_TYPE), (args) => {
    if (args[0] === undefined) throw new MettaRuntimeError(message);
    // The reference reuses set-random-seed's text for this case.
    generatorArg(args[0], 'set-random-seed expects a random generator as its argument').reset();
    return [UNIT];
  });
}

function flip(shared: RandomGenerator): GroundedOp {
  return new GroundedOp('flip', arrow(BOOL_TYPE), () => [bool((shared.nextU32() & 1) === 1)]);
}

/**
 * The `random` module: `random-int`/`random-float`
 * `(-> RandomGenerator Number Number Number)`, `set-random-seed`
 * `(-> RandomGenerator Number (->))`, `new-random-generator` `(-> Number RandomGenerator)`,
 * `reset-random-generator` `(-> RandomGenerator ())`, `flip` `(-> Bool)`, and the token
 * `&rng`, an entropy-seeded generator.
 *
 * The reference makes a new generator for every occurrence of `&rng` in the source; here
 * the token stands for one generator per module instance, so reseeding `&rng` lasts.
 */
export function randomModule(): { ops: GroundedOp[]; tokens: Array<[string, Atom]> } {
  const flipGenerator = new RandomGenerator();
  return {
    ops: [randomInt(), randomFloat(), setRandomSeed(), newRandomGenerator(), resetRandomGenerator(), flip(flipGenerator)],
    tokens: [['&rng', new RandomGenerator()]],
  };
}

/** Documentation atoms of the module, loaded into its space. */
export const RANDOM_MODULE_METTA = `
(@doc random-int
  (@desc "Draws a random Integer from the half-open range between the second and third arguments")
  (@params (
    (@param "Random generator")
    (@param "Lowest possible value")
    (@param "Upper bound, never returned")))
  (@return "A random Integer in the range, or an error when the range is empty"))

(@doc random-float
  (@desc "Draws a random Float from the half-open range between the second and third arguments")
  (@params (
    (@param "Random generator")
    (@param "Lowest possible value")
    (@param "Upper bound, never returned")))
  (@return "A random Float in the range, or an error when the range is empty"))

(@doc set-random-seed
  (@desc "Restarts the random generator from the given seed")
  (@params (
    (@param "Random generator")
    (@param "Seed (Integer)")))
  (@return "Unit atom"))

(@doc new-random-generator
  (@desc "Makes a new random generator started from the given seed")
  (@params (
    (@param "Seed (Integer)")))
  (@return "The new random generator"))

(@doc reset-random-generator
  (@desc "Restarts the random generator from fresh system entropy, forgetting its seed")
  (@params (
    (@param "Random generator")))
  (@return "Unit atom"))

(@doc flip
  (@desc "A random Bool")
  (@params ())
  (@return "True or False with equal probability"))
`;
