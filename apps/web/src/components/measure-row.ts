import { RefObject, useEffect } from 'react';

/**
 * antd measures a wide table's columns with a hidden copy of the header (`.ant-table-measure-row`, aria-hidden), which
 * includes the 全选 checkbox of a selectable list: a focusable control nobody can see (axe `aria-hidden-focus`). The
 * copy's controls leave the tab order; the visible header keeps its own. Set after each render, as antd offers no prop.
 */
export function useHiddenMeasureRow(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    for (const element of container.current?.querySelectorAll<HTMLElement>('.ant-table-measure-row input, .ant-table-measure-row button, .ant-table-measure-row [tabindex]') ?? []) {
      if (element.getAttribute('tabindex') !== '-1') element.setAttribute('tabindex', '-1');
    }
  });
}
