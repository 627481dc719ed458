import { RefObject, useEffect } from 'react';

/** The containers antd gives a table with `scroll.x` (and `scroll.y`): they scroll, and they are antd's, not ours. */
const SCROLLERS = '.ant-table-content, .ant-table-body';

/**
 * Lets keyboard users reach a wide table's horizontal scroll (WCAG 2.1.1; axe `scrollable-region-focusable`): antd's
 * scroll container gets a tab stop and a name (a named region), so the arrow keys scroll it even when no cell holds a
 * link or button. antd renders that container itself and offers no prop for it, so the attributes are set after each
 * render (antd never sets them, so a re-render keeps them; a new container gets them on the next pass).
 */
export function useKeyboardScroll(container: RefObject<HTMLElement | null>, label: string): void {
  useEffect(() => {
    for (const element of container.current?.querySelectorAll<HTMLElement>(SCROLLERS) ?? []) {
      if (element.getAttribute('tabindex') !== '0') element.setAttribute('tabindex', '0');
      if (element.getAttribute('role') !== 'region') element.setAttribute('role', 'region');
      if (element.getAttribute('aria-label') !== label) element.setAttribute('aria-label', label);
    }
  });
}
