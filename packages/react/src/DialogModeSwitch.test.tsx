import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { DialogMode } from '@c2d-console/core';
import { DialogModeSwitch } from './DialogModeSwitch.js';
import { ru } from './locales/ru.js';

function Controlled({ onChange }: { onChange: (mode: DialogMode) => void }) {
  const [mode, setMode] = useState<DialogMode>(1);
  return (
    <DialogModeSwitch
      value={mode}
      onChange={(next) => {
        setMode(next);
        onChange(next);
      }}
    />
  );
}

describe('DialogModeSwitch', () => {
  it('is a labelled radio group with the current mode checked', () => {
    render(<DialogModeSwitch value={2} onChange={() => {}} />);
    expect(screen.getByRole('group', { name: 'Dialog view' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Dialog' })).toBeChecked();
    expect(screen.getAllByRole('radio')).toHaveLength(3);
  });

  it('changes mode by click and with the arrow keys', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);
    await user.click(screen.getByRole('radio', { name: 'Read-only' }));
    expect(onChange).toHaveBeenLastCalledWith(3);
    await user.keyboard('{ArrowLeft}');
    expect(onChange).toHaveBeenLastCalledWith(2);
    expect(screen.getByRole('radio', { name: 'Dialog' })).toBeChecked();
  });

  it('disables modes that need a dialog', () => {
    render(<DialogModeSwitch value={1} onChange={() => {}} disabledModes={[2, 3]} locale={ru} />);
    expect(screen.getByRole('radio', { name: 'Диалог' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Полный' })).toBeEnabled();
  });
});
