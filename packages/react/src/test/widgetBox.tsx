import type { Decorator } from '@storybook/react-vite';
import type { CSSProperties } from 'react';

/**
 * A story decorator: the box a widget's stories render it in (`style`: its usual height and
 * max width). Story parameters change it: `boxWidth` (px) gives the box that exact width, marked
 * `data-fit-box` for {@link expectWidgetsFit}; `widgetBox: false` leaves the story unboxed (a
 * gallery that draws its own boxes).
 */
export function widgetBox(style: CSSProperties): Decorator {
  return (Story, { parameters }) => {
    if (parameters.widgetBox === false) return <Story />;
    const width = parameters.boxWidth as number | undefined;
    if (width === undefined) {
      return (
        <div style={style}>
          <Story />
        </div>
      );
    }
    return (
      <div data-fit-box={`${width} px`} style={{ ...style, display: 'flex', maxWidth: 'none', width }}>
        <Story />
      </div>
    );
  };
}
