// The argument checks of the typed-array nets and their users: an integer in a closed range, or a real number
// in a range whose ends are open or closed. Each throws an Error that names the argument, states the allowed
// range and shows the value it got.
//
// Example: checkInt('batch', 0, 1, 64)  // Error: batch must be an integer from 1 to 64, got 0
//          checkRange('lr', 0, 0, 1, '(]') // Error: lr must be in (0, 1], got 0

/** Throws unless v is an integer with lo ≤ v ≤ hi. */
export function checkInt(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi)
    throw new Error(`${name} must be an integer from ${lo} to ${hi}, got ${v}`);
}

/** Which ends of a range are included: '[]' both, '(]' only hi, '[)' only lo, '()' neither. */
export type RangeEnds = '[]' | '(]' | '[)' | '()';

/** Throws unless v is a number in the range from lo to hi with the given ends (NaN is never in range). */
export function checkRange(name: string, v: number, lo: number, hi: number, ends: RangeEnds = '[]'): void {
  const aboveLo = ends[0] === '[' ? v >= lo : v > lo;
  const belowHi = ends[1] === ']' ? v <= hi : v < hi;
  if (!(typeof v === 'number' && aboveLo && belowHi))
    throw new Error(`${name} must be in ${ends[0]}${lo}, ${hi}${ends[1]}, got ${v}`);
}
