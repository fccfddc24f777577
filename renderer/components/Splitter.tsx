import { useRef } from 'react';

/** Props of a draggable divider; it reports pixel deltas and also moves with the arrow keys. */
export interface SplitterProps {
  readonly onResize: (deltaPx: number) => void;
  readonly onResizeEnd?: () => void;
  readonly label: string;
  readonly testId: string;
}

/** A vertical divider between two panes (role=separator, keyboard-resizable). */
export function Splitter({ onResize, onResizeEnd, label, testId }: SplitterProps): React.JSX.Element {
  const lastX = useRef(0);
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>): void => {
    lastX.current = e.clientX;
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>): void => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const delta = e.clientX - lastX.current;
    lastX.current = e.clientX;
    if (delta !== 0) onResize(delta);
  };
  const onPointerUp = (e: React.PointerEvent<HTMLDivElement>): void => {
    e.currentTarget.releasePointerCapture(e.pointerId);
    onResizeEnd?.();
  };
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      onResize(e.key === 'ArrowLeft' ? -16 : 16);
      onResizeEnd?.();
    }
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
      data-testid={testId}
    />
  );
}
