import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface Props {
  /** The list's accessible name. */
  label: string;
  count: number;
  rowHeight: number;
  /** Visible height in pixels. */
  height: number;
  renderRow: (index: number) => ComponentChildren;
}

const OVERSCAN = 6;

/**
 * A windowed list: only the rows in view (and a few around) are in the DOM, so 50,000 rows
 * scroll as smoothly as 50. Fixed row height; the scroll box is focusable so the keyboard
 * scrolls it, and each row says where it is in the whole list.
 */
export function VirtualList({ label, count, rowHeight, height, renderRow }: Props) {
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  const rows = [];
  for (let index = first; index < last; index++) {
    rows.push(
      <div
        role="listitem"
        key={index}
        aria-setsize={count}
        aria-posinset={index + 1}
        class="vrow"
        style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}
      >
        {renderRow(index)}
      </div>,
    );
  }
  return (
    <div
      class="vlist"
      role="region"
      aria-label={`${label} (scrollable)`}
      tabIndex={0}
      style={{ height: `${height}px` }}
      onScroll={(event) => setTop((event.currentTarget as HTMLElement).scrollTop)}
    >
      <div role="list" aria-label={label} style={{ height: `${count * rowHeight}px`, position: 'relative' }}>
        {rows}
      </div>
    </div>
  );
}
