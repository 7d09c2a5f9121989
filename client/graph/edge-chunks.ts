// How many edges the progressive edge program (progressive-edges.ts) draws per frame; apart from
// it so it can be tested without WebGL.

/** Lines drawn in the first frame after a change; later frames adapt (nextChunk). */
export const FIRST_CHUNK = 8_000;
const MIN_CHUNK = 2_000;
const MAX_CHUNK = 200_000;
/**
 * Frame time aimed at while edges fill in: well under the 200 ms a user notices as a stall, since a
 * busy machine stretches frames (at a load average of 4, 150 ms aimed at gave frames of 180–270 ms,
 * 100 ms gave 120–200 ms, for about the same time until the picture is whole).
 */
export const TARGET_FRAME_MS = 100;
/**
 * The picture is whole after at most this many frames: when frames are slow whatever the slice (the
 * nodes alone take long on a very large graph), smaller slices would only make the wait longer.
 */
export const MAX_FRAMES = 20;

/**
 * The next slice size from how long the last frame took (time between two renders, which includes
 * the wait for the previous slice to be rasterised). Aims at frames of about `targetMs`: grows when
 * frames are quick, shrinks when they are slow, within [MIN_CHUNK, MAX_CHUNK] and never below
 * total / MAX_FRAMES.
 */
export function nextChunk(chunk: number, frameMs: number, total = 0, targetMs = TARGET_FRAME_MS): number {
  const floor = Math.max(MIN_CHUNK, Math.ceil(total / MAX_FRAMES));
  if (!(frameMs > 0)) return Math.max(floor, chunk);
  const factor = Math.min(2, Math.max(0.5, targetMs / frameMs));
  return Math.round(Math.min(MAX_CHUNK, Math.max(floor, chunk * factor)));
}
