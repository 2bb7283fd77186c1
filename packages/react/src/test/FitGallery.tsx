import type { ReactElement } from 'react';
import { expect } from 'storybook/test';
import type { ConsoleLocale } from '../ConsoleLocale.js';
import { ru } from '../locales/ru.js';
import { en } from '../strings.js';
import { findOverflow } from './findOverflow.js';

/** The container widths every widget is checked at: a CRM side panel, a phone, a tablet. */
export const FIT_WIDTHS: readonly number[] = [280, 360, 768];
/** Each language pack by the name its boxes are captioned with. */
const LOCALES: ReadonlyArray<[name: string, locale: ConsoleLocale]> = [
  ['en', en],
  ['ru', ru],
];

/** Props of {@link FitGallery}. */
export interface FitGalleryProps {
  /** Renders the widget in a language pack (pass it as the widget's `locale` prop). */
  render: (locale: ConsoleLocale) => ReactElement;
  /** Box widths in px (default {@link FIT_WIDTHS}). */
  widths?: readonly number[];
  /** Box height in px, for widgets that fill their parent's height. */
  height?: number;
}

/**
 * One widget per width and locale, each alone in a flex box of that width (a flex row: the
 * layout where inline-size containment would collapse a widget that does not fill its parent),
 * captioned "280 px · ru". {@link expectWidgetsFit} checks them.
 */
export function FitGallery({ render, widths = FIT_WIDTHS, height }: FitGalleryProps): ReactElement {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 24 }}>
      {LOCALES.flatMap(([name, locale]) =>
        widths.map((width) => (
          <figure key={`${name}${width}`} style={{ margin: 0 }}>
            <figcaption style={{ marginBottom: 4, font: '12px system-ui' }}>
              {width} px · {name}
            </figcaption>
            <div data-fit-box={`${width} px · ${name}`} style={{ display: 'flex', width, height }}>
              {render(locale)}
            </div>
          </figure>
        )),
      )}
    </div>
  );
}

/** What {@link expectWidgetsFit} finds in one box. */
function inspect(box: HTMLElement, fill: boolean) {
  const roots = box.querySelectorAll<HTMLElement>(':scope > .c2d');
  const root = roots[0];
  return {
    box: box.dataset.fitBox,
    roots: roots.length,
    problems: root ? [...findOverflow(box), ...findOverflow(root)] : [],
    ...(fill && root ? { width: Math.round(root.getBoundingClientRect().width) } : {}),
  };
}

/**
 * Asserts that each `data-fit-box` of the canvas holds one widget root that fills the box
 * (unless `fill` is false: a widget with a maximum width) and that nothing in it sticks out
 * sideways or scrolls sideways ({@link findOverflow}). One assertion names every failing box.
 */
export async function expectWidgetsFit(canvasElement: HTMLElement, { fill = true } = {}): Promise<void> {
  const boxes = [...canvasElement.querySelectorAll<HTMLElement>('[data-fit-box]')];
  await expect(boxes.length).toBeGreaterThan(0);
  await expect(boxes.map((box) => inspect(box, fill))).toEqual(
    boxes.map((box) => ({ box: box.dataset.fitBox, roots: 1, problems: [], ...(fill ? { width: box.clientWidth } : {}) })),
  );
}
