import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { findOverflow } from './findOverflow.js';

/** Checks of the layout check itself: it must see what sticks out, or every fit story passes vacuously. */
const meta = {
  title: 'Internal/findOverflow',
  // A test of a test helper: runs with the stories, hidden from the sidebar and the docs.
  tags: ['!dev', '!autodocs'],
  render: () => (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div data-case="fits" style={{ width: 200 }}>
        <p style={{ margin: 0, overflowWrap: 'anywhere' }}>{'x'.repeat(80)}</p>
      </div>
      <div data-case="wide-child" style={{ width: 200 }}>
        <div style={{ width: 260, height: 10 }} />
      </div>
      <div data-case="spilling-text" style={{ width: 200 }}>
        <p style={{ margin: 0, whiteSpace: 'nowrap' }}>{'y'.repeat(80)}</p>
      </div>
      <div data-case="shifted-left" style={{ width: 200 }}>
        <div style={{ marginLeft: -30, height: 10 }} />
      </div>
      <div data-case="ellipsis" style={{ width: 200 }}>
        <p style={{ margin: 0, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>{'z'.repeat(80)}</p>
      </div>
    </div>
  ),
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const problemsOf = (canvasElement: HTMLElement, name: string) => findOverflow(canvasElement.querySelector(`[data-case="${name}"]`)!);

/** A child wider than the box, text that spills out of its element, a child pulled past the left edge. */
export const SeesWhatSticksOut: Story = {
  play: async ({ canvasElement }) => {
    await expect(problemsOf(canvasElement, 'fits')).toEqual([]);
    await expect(problemsOf(canvasElement, 'ellipsis')).toEqual([]);
    await expect(problemsOf(canvasElement, 'wide-child')).toEqual([
      'div scrolls sideways: scrollWidth 260 > clientWidth 200',
      'div sticks out 60 px on the right',
    ]);
    const spilling = problemsOf(canvasElement, 'spilling-text');
    await expect(spilling[0]).toMatch(/^div scrolls sideways/);
    await expect(spilling[1]).toMatch(/^p spills its content \d+ px past its box$/);
    await expect(problemsOf(canvasElement, 'shifted-left')).toEqual(['div sticks out 30 px on the left']);
  },
};
