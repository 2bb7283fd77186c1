import type { DialogMode } from '@c2d-console/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, within } from 'storybook/test';
import { DialogModeSwitch } from './DialogModeSwitch.js';

const meta = {
  title: 'Dialog/DialogModeSwitch',
  component: DialogModeSwitch,
  args: { value: 1, onChange: fn() },
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
  args: { locale: 'ru', value: 3 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('radio', { name: 'Просмотр' })).toBeChecked();
  },
};

/** Dark theme. */
export const Dark: Story = { parameters: { theme: 'dark' } };
