import type { DialogMode } from '@c2d-console/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, within } from 'storybook/test';
import { DialogModeSwitch } from './DialogModeSwitch.js';
import { ru } from './locales/ru.js';
import { expectWidgetsFit, FitGallery } from './test/FitGallery.js';
import { widgetBox } from './test/widgetBox.js';

const meta = {
  title: 'Dialog/DialogModeSwitch',
  component: DialogModeSwitch,
  args: { value: 1, onChange: fn() },
  decorators: [widgetBox({})],
  render: function Render(args) {
    const [mode, setMode] = useState<DialogMode>(args.value);
    return (
      <DialogModeSwitch
        {...args}
        value={mode}
        onChange={(next) => {
          setMode(next);
          args.onChange(next);
        }}
      />
    );
  },
} satisfies Meta<typeof DialogModeSwitch>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pick a mode with the mouse or the arrow keys. */
export const Default: Story = {
  play: async ({ canvasElement, args, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Dialog' }));
    await expect(args.onChange).toHaveBeenLastCalledWith(2);
    await userEvent.keyboard('{ArrowRight}');
    await expect(args.onChange).toHaveBeenLastCalledWith(3);
    await expect(canvas.getByRole('radio', { name: 'Read-only' })).toBeChecked();
  },
};

/** Without a selected dialog only mode 1 makes sense. */
export const NoDialogSelected: Story = {
  args: { disabledModes: [2, 3] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('radio', { name: 'Dialog' })).toBeDisabled();
  },
};

/** Russian labels. */
export const Russian: Story = {
  args: { locale: ru, value: 3 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('radio', { name: 'Просмотр' })).toBeChecked();
  },
};

/** Dark theme. */
export const Dark: Story = { parameters: { theme: 'dark' } };

/** Whether a radio's label and icon show, from its box's width. */
function looks(radio: HTMLElement) {
  const option = radio.closest('label')!;
  const label = option.querySelector(':scope > span')!;
  const icon = option.querySelector('svg')!;
  return { label: getComputedStyle(label).position !== 'absolute', icon: getComputedStyle(icon).display !== 'none' };
}

/** In a 280 px side panel: the labels alone. */
export const Narrow: Story = {
  parameters: { boxWidth: 280 },
  play: async ({ canvasElement }) => {
    await expectWidgetsFit(canvasElement, { fill: false });
    await expect(looks(within(canvasElement).getByRole('radio', { name: 'Read-only' }))).toEqual({ label: true, icon: false });
  },
};

/** On a wide screen: icons and labels, no wider than they need. */
export const Wide: Story = {
  parameters: { boxWidth: 1200 },
  play: async ({ canvasElement }) => {
    await expectWidgetsFit(canvasElement, { fill: false });
    await expect(looks(within(canvasElement).getByRole('radio', { name: 'Read-only' }))).toEqual({ label: true, icon: true });
  },
};

/** What each width shows: icons alone below 19em (266 px), labels alone below 24em, then both. */
const SWITCH_WIDTHS: Record<number, ReturnType<typeof looks>> = {
  200: { label: false, icon: true },
  240: { label: false, icon: true },
  280: { label: true, icon: false },
  320: { label: true, icon: false },
  360: { label: true, icon: true },
  768: { label: true, icon: true },
};

/**
 * From 200 to 768 px, in both languages: never wider than its box; icons and labels where they
 * fit, the labels alone, then the icons alone; the radios keep their names at every width.
 */
export const FitsItsContainer: Story = {
  parameters: { widgetBox: false },
  render: () => (
    <FitGallery
      widths={Object.keys(SWITCH_WIDTHS).map(Number)}
      render={(locale) => <DialogModeSwitch value={3} onChange={() => {}} locale={locale} />}
    />
  ),
  play: async ({ canvasElement }) => {
    await expectWidgetsFit(canvasElement, { fill: false });
    const boxes = [...canvasElement.querySelectorAll<HTMLElement>('[data-fit-box]')];
    const seen = boxes.flatMap((box) => {
      const [width, locale] = (box.dataset.fitBox ?? '').split(' px · ');
      const names = locale === 'ru' ? ['Полный', 'Диалог', 'Просмотр'] : ['Full', 'Dialog', 'Read-only'];
      return names.map((name) => ({ width, name, ...looks(within(box).getByRole('radio', { name })) }));
    });
    await expect(seen).toEqual(seen.map(({ width, name }) => ({ width, name, ...SWITCH_WIDTHS[Number(width)] })));
  },
};
