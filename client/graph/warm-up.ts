// Drawing once with each program before the first frame, so that WebGL in software compiles its
// pipelines while the graph is still being prepared.
//
// Why: SwiftShader (WebGL without a GPU) compiles each drawing pipeline the first time it is used,
// in the GPU process. Compiled in the first frames, that cost 100–450 ms inside them (traced: the
// page waits for it when the compositor reads the canvases back). Drawn once, with one item and a
// 1×1 viewport, right after the renderer is created, the compile overlaps the sliced refresh
// (sliced-sigma.ts) on the other core instead. The throwaway drawing goes to a 1×1 offscreen
// target: drawn on a canvas, it would make the compositor read that canvas back at the next frame
// and so wait for the compile after all. With a GPU all this costs next to nothing.
import type { NodeDisplayData, EdgeDisplayData, RenderParams } from 'sigma/types';

/** A program that can draw one throwaway item (and leaves nothing allocated). */
export interface WarmsUp {
  warmUp(params: RenderParams): void;
}

export function warmsUp(program: unknown): program is WarmsUp {
  return typeof (program as Partial<WarmsUp>).warmUp === 'function';
}

/** A 1×1 RGBA framebuffer (the canvases' format) to draw into, and its disposal. */
export function offscreenPixel(gl: WebGLRenderingContext): {
  framebuffer: WebGLFramebuffer;
  dispose(): void;
} {
  const texture = gl.createTexture();
  const framebuffer = gl.createFramebuffer();
  if (!texture || !framebuffer) throw new Error('WebGL: could not create a warm-up target');
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 1, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
  gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
  gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.bindTexture(gl.TEXTURE_2D, null);
  return {
    framebuffer,
    dispose() {
      gl.deleteFramebuffer(framebuffer);
      gl.deleteTexture(texture);
    },
  };
}

/** Render parameters for a 1×1 viewport: the item is drawn, and nearly nothing is filled. */
export function tinyParams(params: RenderParams): RenderParams {
  return { ...params, width: 1, height: 1, pixelRatio: 1, downSizingRatio: 1 };
}

/** Fully transparent, so the offscreen pixel stays empty. */
export const WARM_EDGE: EdgeDisplayData = {
  size: 1,
  color: '#00000000',
  label: null,
  hidden: false,
  forceLabel: false,
  zIndex: 0,
  type: '',
};

export const WARM_NODE: NodeDisplayData = { ...WARM_EDGE, x: 0.5, y: 0.5, highlighted: false };
