// Nodes as one WebGL point each, filled with the community colour and ringed with the outreach stage.
// @sigma/node-border draws the same picture with an instanced quad per node; with WebGL in software
// (no GPU, as in the benchmark here) instanced drawing cost about 0.5 s per frame at 10k nodes against
// some 70 ms for points, so panning went from 2 to over 10 frames per second. The one limit of points
// is the GPU's largest point size (at least 64 px, usually far more): a node zoomed beyond it stops
// growing.
//
// The picking pass draws every node a second time, into the offscreen buffer Sigma reads to find the
// node under the mouse; in software WebGL it was about a fifth of each frame. It is skipped
//  - while the camera moves on a large graph (Sigma's hideEdgesOnMove): nobody hovers during a pan
//    (10k-node pan: 26–28 → 32–35 frames per second, measured A/B). Sigma renders once more when
//    the movement ends (to bring the edges back), and that frame draws the picking pass again;
//  - in the very first frame, which then shows sooner: the next frame, asked for here, draws it.
import type { Attributes } from 'graphology-types';
import { NodeProgram } from 'sigma/rendering';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';
import type { ProgramInfo } from 'sigma/rendering';
import { cameraMoving } from './motion.ts';
import { offscreenPixel, tinyParams, WARM_NODE, type WarmsUp } from './warm-up.ts';

const VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec4 a_borderColor;
attribute vec2 a_position;
attribute float a_size;
attribute float a_borderSize;

uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform mat3 u_matrix;

varying vec4 v_color;
varying vec4 v_borderColor;
varying float v_aa;
varying float v_inner;

const float bias = 255.0 / 254.0;

void main() {
  gl_Position = vec4((u_matrix * vec3(a_position, 1)).xy, 0, 1);
  // Same size formula as sigma's own point program, so nodes look the same size as before.
  gl_PointSize = a_size / u_sizeRatio * u_pixelRatio * 2.0;
  // One pixel of antialiasing, as a share of the point's half-width (the 0.5 radius in point space).
  v_aa = (0.5 / a_size) * u_sizeRatio;
  // Where the ring starts: borderSize is a share of the radius.
  v_inner = 0.5 * (1.0 - a_borderSize);
  #ifdef PICKING_MODE
  v_color = a_id;
  v_borderColor = a_id;
  #else
  v_color = a_color;
  v_borderColor = a_borderColor;
  #endif
  v_color.a *= bias;
  v_borderColor.a *= bias;
}
`;

const FRAGMENT = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec4 v_borderColor;
varying float v_aa;
varying float v_inner;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  float d = length(gl_PointCoord - vec2(0.5, 0.5));
  #ifdef PICKING_MODE
  gl_FragColor = d < 0.5 ? v_color : transparent;
  #else
  vec4 c = d < v_inner ? v_color : v_borderColor;
  float t = clamp((0.5 - d) / v_aa, 0.0, 1.0);
  gl_FragColor = mix(transparent, c, t);
  #endif
}
`;

const UNIFORMS = ['u_sizeRatio', 'u_pixelRatio', 'u_matrix'] as const;
const { FLOAT, UNSIGNED_BYTE, POINTS } = WebGLRenderingContext;

type BorderedData = NodeDisplayData & { borderColor?: string; borderSize?: number };

export class BorderedPointProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
>
  extends NodeProgram<(typeof UNIFORMS)[number], N, E, G>
  implements WarmsUp
{
  getDefinition() {
    return {
      VERTICES: 1,
      VERTEX_SHADER_SOURCE: VERTEX,
      FRAGMENT_SHADER_SOURCE: FRAGMENT,
      METHOD: POINTS,
      UNIFORMS,
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: FLOAT },
        { name: 'a_size', size: 1, type: FLOAT },
        { name: 'a_borderSize', size: 1, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_borderColor', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
    };
  }

  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void {
    const d = data as BorderedData;
    const a = this.array;
    a[startIndex++] = d.x;
    a[startIndex++] = d.y;
    a[startIndex++] = d.size;
    a[startIndex++] = Math.min(1, Math.max(0, d.borderSize ?? 0));
    a[startIndex++] = floatColor(d.color);
    a[startIndex++] = floatColor(d.borderColor ?? d.color);
    a[startIndex] = nodeIndex;
  }

  private rendered = false;

  /** One node drawn offscreen, picking pass included (warm-up.ts); the real nodes replace it. */
  warmUp(params: RenderParams): void {
    const info = this.normalProgram;
    const target = offscreenPixel(info.gl);
    const canvas = info.frameBuffer;
    info.frameBuffer = target.framebuffer;
    try {
      this.reallocate(1);
      this.process(0, 0, WARM_NODE);
      super.render(tinyParams(params));
      this.reallocate(0);
    } finally {
      info.frameBuffer = canvas;
      target.dispose();
    }
  }

  override render(params: RenderParams): void {
    const pick = this.pickProgram;
    const first = !this.rendered;
    this.rendered = true;
    // The frame after the first draws the picking pass the first one left out.
    if (first && pick) this.renderer.scheduleRender();
    const skipPick =
      pick !== null &&
      (first || (this.renderer.getSetting('hideEdgesOnMove') && cameraMoving(this.renderer)));
    if (!skipPick) {
      super.render(params);
      return;
    }
    this.pickProgram = null;
    try {
      super.render(params);
    } finally {
      this.pickProgram = pick;
    }
  }

  setUniforms({ sizeRatio, pixelRatio, matrix }: RenderParams, { gl, uniformLocations }: ProgramInfo): void {
    gl.uniform1f(uniformLocations.u_pixelRatio!, pixelRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio!, sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix!, false, matrix);
  }
}
