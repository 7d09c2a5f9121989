// Edges as one-pixel lines, drawn a slice per frame into a texture that is kept between frames.
//
// Why: with WebGL in software (SwiftShader, no GPU) and Chromium's software compositor, the page's
// main thread waits at each frame for the WebGL canvas to be read back, i.e. for every line of that
// frame to be rasterised. 100k lines in one frame held the main thread for one to two seconds, on
// first render and again each time a pan stopped. Here each frame draws at most `chunk` more lines
// into an offscreen texture and copies the texture to the canvas, so a frame costs a slice of the
// lines plus one full-screen copy; the picture fills in over a few frames. Sigma's render draws the
// first slice; the program's own animation frames draw the rest, touching the edge canvas only. When
// the camera, the canvas size or the edge data change, drawing starts again from the first edge. The
// very first frame draws no edges at all: it shows the nodes as soon as possible, and the edges start
// with the next.
import type { Attributes } from 'graphology-types';
import { EdgeLineProgram } from 'sigma/rendering';
import type { CameraState, RenderParams } from 'sigma/types';
import { FIRST_CHUNK, nextChunk } from './edge-chunks.ts';
import { cameraMoving } from './motion.ts';
import { offscreenPixel, tinyParams, WARM_EDGE, WARM_NODE, type WarmsUp } from './warm-up.ts';

/** How far the progressive drawing has got, for the benchmark and tests. */
export interface EdgeProgress {
  drawn: number;
  total: number;
}

const COPY_VERTEX = /* glsl */ `
attribute vec2 a_corner;
varying vec2 v_uv;
void main() {
  v_uv = (a_corner + 1.0) * 0.5;
  gl_Position = vec4(a_corner, 0.0, 1.0);
}
`;

const COPY_FRAGMENT = /* glsl */ `
precision mediump float;
uniform sampler2D u_texture;
varying vec2 v_uv;
void main() {
  gl_FragColor = texture2D(u_texture, v_uv);
}
`;

interface Target {
  framebuffer: WebGLFramebuffer;
  texture: WebGLTexture;
  width: number;
  height: number;
}

interface Copier {
  program: WebGLProgram;
  buffer: WebGLBuffer;
  corner: number;
  texture: WebGLUniformLocation | null;
}

function compile(gl: WebGLRenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('WebGL: could not create a shader');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
    throw new Error(`WebGL: shader did not compile: ${gl.getShaderInfoLog(shader) ?? ''}`);
  return shader;
}

export class ProgressiveEdgeLineProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
>
  extends EdgeLineProgram<N, E, G>
  implements WarmsUp
{
  private target: Target | null = null;
  private copier: Copier | null = null;
  /** Bumped whenever Sigma writes edge data, so a change restarts the drawing. */
  private version = 0;
  private uploaded = -1;
  private key = '';
  private drawn = 0;
  private chunk = FIRST_CHUNK;
  private lastFrameAt = 0;
  private started = false;
  /** Sigma's last render parameters, which the program's own frames draw with. */
  private params: RenderParams | null = null;
  private fillFrame = 0;
  /** Where the texture is copied: the canvas (null), or the warm-up's offscreen pixel. */
  private destination: WebGLFramebuffer | null = null;
  private cameraAt: CameraState | null = null;

  /**
   * One line drawn into the texture and the texture copied, offscreen (warm-up.ts); the real edges
   * replace it. The copy program is linked first: checking its link waits for the GPU, which must
   * not then wait for the compiles these draws start.
   */
  warmUp(params: RenderParams): void {
    const gl = this.normalProgram.gl;
    this.copier ??= this.makeCopier(gl);
    const target = offscreenPixel(gl);
    this.destination = target.framebuffer;
    try {
      this.reallocate(1);
      this.process(0, 0, WARM_NODE, { ...WARM_NODE, x: 0.6 }, WARM_EDGE);
      this.drawSlice(tinyParams(params));
      this.reallocate(0);
    } finally {
      this.destination = null;
      this.key = '';
      this.drawn = 0;
      target.dispose();
    }
  }

  get progress(): EdgeProgress {
    return { drawn: Math.min(this.drawn, this.capacity), total: this.capacity };
  }

  override reallocate(capacity: number): void {
    super.reallocate(capacity);
    this.version++;
  }

  override process(...args: Parameters<EdgeLineProgram<N, E, G>['process']>): void {
    this.version++;
    super.process(...args);
  }

  override render(params: RenderParams): void {
    // Picking needs every edge at once; it is off for edges (enableEdgeEvents is false), but if it
    // were on, draw the ordinary way.
    if (this.hasNothingToRender() || this.pickProgram) {
      super.render(params);
      return;
    }
    this.cancelFill();
    this.params = params;
    this.cameraAt = this.renderer.getCamera().getState();
    if (!this.started) {
      this.started = true;
      this.scheduleFill();
      return;
    }
    this.drawSlice(params);
  }

  /** The next slice of lines into the texture, then the texture onto the (cleared) canvas. */
  private drawSlice(params: RenderParams): void {
    const info = this.normalProgram;
    const gl = info.gl;
    const width = Math.round(params.width * params.pixelRatio);
    const height = Math.round(params.height * params.pixelRatio);
    const target = this.ensureTarget(gl, width, height);
    const key = `${params.matrix.join(',')}|${width}x${height}|${this.version}`;
    const now = performance.now();
    if (key !== this.key) {
      this.key = key;
      this.drawn = 0;
      this.chunk = nextChunk(FIRST_CHUNK, 0, this.capacity);
      gl.bindFramebuffer(gl.FRAMEBUFFER, target.framebuffer);
      gl.clearColor(0, 0, 0, 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
    } else if (this.drawn < this.capacity) {
      this.chunk = nextChunk(this.chunk, now - this.lastFrameAt, this.capacity);
    }
    this.lastFrameAt = now;

    if (this.drawn < this.capacity) {
      const count = Math.min(this.chunk, this.capacity - this.drawn);
      gl.bindFramebuffer(gl.FRAMEBUFFER, target.framebuffer);
      gl.viewport(0, 0, width, height);
      this.bindForDrawing();
      gl.enable(gl.BLEND);
      gl.useProgram(info.program);
      this.setUniforms(params, info);
      gl.drawArrays(this.METHOD, this.drawn * this.VERTICES, count * this.VERTICES);
      this.unbindProgram(info);
      this.drawn += count;
      if (this.drawn < this.capacity) this.scheduleFill();
    }
    this.copyToCanvas(gl, target, width, height);
  }

  /**
   * The following slices are drawn in frames of this program's own, not through Sigma's render: only
   * the edge canvas changes, so the node and label layers are neither drawn again nor read back by
   * the compositor at each of those frames.
   */
  private scheduleFill(): void {
    if (this.fillFrame) return;
    this.fillFrame = requestAnimationFrame(() => {
      this.fillFrame = 0;
      const params = this.params;
      // A camera that moved since Sigma's last frame makes that frame's matrix stale, and Sigma is
      // about to draw again anyway (its frame restarts the lines).
      if (!params || !this.sameView(params)) return;
      this.drawSlice(params);
    });
  }

  private cancelFill(): void {
    if (this.fillFrame) cancelAnimationFrame(this.fillFrame);
    this.fillFrame = 0;
  }

  private sameView(params: RenderParams): boolean {
    const now = this.renderer.getCamera().getState();
    const then = this.cameraAt;
    const { width, height } = this.renderer.getDimensions();
    return (
      then !== null &&
      !cameraMoving(this.renderer) &&
      now.x === then.x &&
      now.y === then.y &&
      now.ratio === then.ratio &&
      now.angle === then.angle &&
      width === params.width &&
      height === params.height
    );
  }

  override kill(): void {
    this.cancelFill();
    const gl = this.normalProgram.gl;
    if (this.target) {
      gl.deleteFramebuffer(this.target.framebuffer);
      gl.deleteTexture(this.target.texture);
    }
    if (this.copier) {
      gl.deleteProgram(this.copier.program);
      gl.deleteBuffer(this.copier.buffer);
    }
    this.target = null;
    this.copier = null;
    super.kill();
  }

  /**
   * Sigma's bindProgram uploads the whole edge array on every call (3 MB for 100k edges); here it is
   * uploaded once per change and only the attribute layout is bound on the frames after.
   */
  private bindForDrawing(): void {
    const info = this.normalProgram;
    if (this.uploaded !== this.version) {
      this.bindProgram(info);
      this.uploaded = this.version;
      return;
    }
    const gl = info.gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, info.buffer);
    let offset = 0;
    for (const attr of this.ATTRIBUTES) offset += this.bindAttribute(attr, info, offset);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  }

  private ensureTarget(gl: WebGLRenderingContext, width: number, height: number): Target {
    if (this.target && this.target.width === width && this.target.height === height) return this.target;
    if (this.target) {
      gl.deleteFramebuffer(this.target.framebuffer);
      gl.deleteTexture(this.target.texture);
    }
    const texture = gl.createTexture();
    const framebuffer = gl.createFramebuffer();
    if (!texture || !framebuffer) throw new Error('WebGL: could not create the edge texture');
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    gl.bindTexture(gl.TEXTURE_2D, null);
    this.target = { framebuffer, texture, width, height };
    this.key = '';
    return this.target;
  }

  /** The texture onto the (just cleared) canvas, as is: no blending, so colours come out unchanged. */
  private copyToCanvas(gl: WebGLRenderingContext, target: Target, width: number, height: number): void {
    const copier = this.copier ?? (this.copier = this.makeCopier(gl));
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.destination);
    gl.viewport(0, 0, width, height);
    gl.disable(gl.BLEND);
    gl.useProgram(copier.program);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, target.texture);
    gl.uniform1i(copier.texture, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, copier.buffer);
    gl.enableVertexAttribArray(copier.corner);
    gl.vertexAttribPointer(copier.corner, 2, gl.FLOAT, false, 0, 0);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    gl.disableVertexAttribArray(copier.corner);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    gl.bindTexture(gl.TEXTURE_2D, null);
    gl.enable(gl.BLEND);
  }

  private makeCopier(gl: WebGLRenderingContext): Copier {
    const program = gl.createProgram();
    const buffer = gl.createBuffer();
    if (!program || !buffer) throw new Error('WebGL: could not create the edge copy program');
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, COPY_VERTEX));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, COPY_FRAGMENT));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS))
      throw new Error(`WebGL: edge copy program did not link: ${gl.getProgramInfoLog(program) ?? ''}`);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    return {
      program,
      buffer,
      corner: gl.getAttribLocation(program, 'a_corner'),
      texture: gl.getUniformLocation(program, 'u_texture'),
    };
  }
}
