/** `n` kept within [lo, hi] (lo wins when the range is empty, so an empty list selects 0). */
export const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));
