/**
 * The rows (their text) whose `<time>` does not show in full inside the row: missing, squeezed
 * under 20 px, clipped, or past the row's right edge. For the fit stories of lists whose names
 * give way to the time.
 */
export function rowsWithHiddenTime(rows: HTMLElement[]): string[] {
  return rows.flatMap((row) => {
    const time = row.querySelector('time');
    const [box, rowBox] = [time?.getBoundingClientRect(), row.getBoundingClientRect()];
    const shows = time && box && box.width > 20 && time.scrollWidth <= time.clientWidth && box.right <= rowBox.right;
    return shows ? [] : [row.textContent ?? ''];
  });
}
