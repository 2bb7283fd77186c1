import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../packages/react/src/styles.css';
import './preview.css';

const preview: Preview = {
  tags: ['autodocs'],
  // Network mocks for every story: handlers come from each story's `parameters.msw`.
  loaders: [mswLoader()],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Accessibility violations fail the story's test, in Storybook and in `pnpm test`.
    a11y: { test: 'error' },
  },
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    (Story, { globals, parameters }) => (
      <div data-c2d-theme={parameters.theme ?? globals.theme} className="sb-c2d-canvas">
        <Story />
      </div>
    ),
  ],
};

export default preview;
