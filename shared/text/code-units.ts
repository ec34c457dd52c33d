/** Strings built from UTF-16 code units written into a typed array (the text normalisers' buffers). */

/** Code units per String.fromCharCode call: a call takes a bounded number of arguments. */
const SLICE = 4096;

/** The first `length` code units of `units` as a string. */
export function unitsToString(units: Uint16Array, length: number): string {
  let out = '';
  for (let at = 0; at < length; at += SLICE) {
    out += String.fromCharCode.apply(
      null,
      units.subarray(at, Math.min(length, at + SLICE)) as unknown as number[],
    );
  }
  return out;
}
