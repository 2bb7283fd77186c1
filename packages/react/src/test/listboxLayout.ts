import { afterAll, beforeAll, vi } from 'vitest';

/**
 * jsdom has no layout: gives every `role="listbox"` element a viewport of `height` px (and a
 * width) and the scroll height of its sizer (its first child's `style.height`), so a virtualized
 * list renders the rows in view, for the test file that calls it.
 */
export function mockListboxLayout(height: number): void {
  const isListbox = (element: Element) => element.getAttribute('role') === 'listbox';
  beforeAll(() => {
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
      return isListbox(this) ? height : 0;
    });
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockImplementation(function (this: Element) {
      return isListbox(this) ? 320 : 0;
    });
    vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
      return isListbox(this) ? Number.parseFloat((this.firstElementChild as HTMLElement | null)?.style.height ?? '0') : 0;
    });
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });
}
