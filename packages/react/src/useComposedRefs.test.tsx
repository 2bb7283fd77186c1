import { render } from '@testing-library/react';
import { createRef, type Ref } from 'react';
import { describe, expect, it } from 'vitest';
import { useComposedRefs } from './useComposedRefs.js';

function Box({ refs }: { refs: Array<Ref<HTMLDivElement> | undefined> }) {
  return <div data-testid="box" ref={useComposedRefs(...refs)} />;
}

describe('useComposedRefs', () => {
  it('points an object ref and a callback ref at the same element, and clears both on unmount', () => {
    const objectRef = createRef<HTMLDivElement>();
    const seen: Array<HTMLDivElement | null> = [];
    const { getByTestId, unmount } = render(<Box refs={[objectRef, (node) => void seen.push(node), undefined]} />);
    expect(objectRef.current).toBe(getByTestId('box'));
    expect(seen).toEqual([getByTestId('box')]);
    unmount();
    expect(objectRef.current).toBeNull();
    expect(seen.at(-1)).toBeNull();
  });

  it("runs a callback ref's own cleanup on unmount instead of calling it with null (React 19)", () => {
    const calls: string[] = [];
    const { unmount } = render(
      <Box
        refs={[
          (node) => {
            calls.push(node ? 'attach' : 'null');
            return () => void calls.push('cleanup');
          },
        ]}
      />,
    );
    unmount();
    expect(calls).toEqual(['attach', 'cleanup']);
  });
});
