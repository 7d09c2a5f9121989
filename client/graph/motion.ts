// Whether Sigma's camera is moving, decided the way Sigma decides when it hides edges during a pan
// (an animation, a drag, or a wheel zoom under way), so the layers and programs that do less while
// moving agree with Sigma on when the movement ends.
import type Sigma from 'sigma';
import type { Attributes } from 'graphology-types';

export function cameraMoving<N extends Attributes, E extends Attributes>(sigma: Sigma<N, E>): boolean {
  const mouse = sigma.getMouseCaptor();
  return (
    sigma.getCamera().isAnimated() ||
    mouse.isMoving ||
    mouse.draggedEvents > 0 ||
    mouse.currentWheelDirection !== 0
  );
}
