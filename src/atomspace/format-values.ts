/**
 * Printing of numbers and strings exactly as the reference prints them (Rust's `{:?}`),
 * because program output is compared character for character with it.
 *
 * @module
 */

/**
 * A float as Rust's Debug format writes it: shortest round-trip digits, always a fraction
 * or exponent (`1.0`), exponent form when |x| >= 1e16 or 0 < |x| < 1e-4 (`1e16`, `2.5e-5`).
 */
export function formatFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const ax = Math.abs(x);
  // toExponential() without an argument gives the shortest digits that round-trip.
  const [mant, expText] = ax.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const digits = mant.replace('.', '');
  if (ax >= 1e16 || ax < 1e-4) {
    const frac = digits.slice(1);
    return `${sign}${digits[0]}${frac ? '.' + frac : ''}e${exp}`;
  }
  if (exp >= 0) {
    const intPart = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    return `${sign}${intPart}.${frac || '0'}`;
  }
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/**
 * Characters Rust's Debug escapes as `\u{...}`: its non-printable set (general categories
 * Cc Cf Cs Co Cn Zl Zp, and Zs except the ASCII space) plus grapheme extenders such as
 * combining accents, which `str`'s Debug escapes too.
 */
const NON_PRINTABLE = /(?! )[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\p{Grapheme_Extend}]/u;

/** A string quoted and escaped the way Rust's Debug format does (`"a\"b\\c\n\u{1b}"`). */
export function formatString(s: string): string {
  let out = '"';
  for (const ch of s) {
    switch (ch) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\0':
        out += '\\0';
        break;
      default:
        out += NON_PRINTABLE.test(ch) ? `\\u{${ch.codePointAt(0)!.toString(16)}}` : ch;
    }
  }
  return out + '"';
}
