/**
 * What sticks out of `root` sideways: the root itself when its content scrolls horizontally
 * (`scrollWidth` > `clientWidth`), every rendered descendant whose box reaches past the root's
 * left or right edge, and every descendant whose text spills out of its own box (overflow
 * visible; a clipped or ellipsized one is on purpose), each as a line naming the element and by
 * how many pixels. `tolerance` absorbs sub-pixel rounding. Vertical overflow is allowed (lists
 * scroll).
 *
 * Self-contained on purpose (no imports, no outer variables), so Playwright can run the same
 * check inside a page: `await page.locator('.crm-dialog').evaluate(findOverflow)`.
 */
export function findOverflow(root: Element, tolerance = 1): string[] {
  const describe = (element: Element) => {
    const classes = typeof element.className === 'string' ? element.className.trim().split(/\s+/).filter(Boolean) : [];
    return element.tagName.toLowerCase() + classes.map((name) => `.${name}`).join('');
  };
  const problems: string[] = [];
  if (root.scrollWidth > root.clientWidth + tolerance) {
    problems.push(`${describe(root)} scrolls sideways: scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`);
  }
  const edge = root.getBoundingClientRect();
  for (const element of root.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const right = box.right - edge.right;
    const left = edge.left - box.left;
    if (right > tolerance) problems.push(`${describe(element)} sticks out ${Math.round(right)} px on the right`);
    if (left > tolerance) problems.push(`${describe(element)} sticks out ${Math.round(left)} px on the left`);
    const spill = element.scrollWidth - element.clientWidth;
    if (element.clientWidth > 0 && spill > tolerance && getComputedStyle(element).overflowX === 'visible') {
      problems.push(`${describe(element)} spills its content ${spill} px past its box`);
    }
  }
  return problems;
}
