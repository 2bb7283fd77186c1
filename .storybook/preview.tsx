import type { Preview } from '@storybook/react-vite';
import { useState, type ReactNode } from 'react';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { ConsoleProvider } from '../packages/react/src/ConsoleProvider.tsx';
import { ru } from '../packages/react/src/locales/ru.ts';
import { createTestQueryClient } from '../packages/react/src/test/createTestQueryClient.ts';
import { createConsoleHandlers } from '../packages/react/src/test/handlers.ts';
import '../packages/react/src/styles.css';
import './preview.css';

/** The language packs by the name the toolbar and a story's `parameters.locale` use (English is built in). */
const LOCALES = { en: undefined, ru };

/** Wraps a story in the console provider with its own QueryClient (retries off), kept across re-renders. */
function StoryConsole({ locale, children }: { locale: keyof typeof LOCALES; children: ReactNode }) {
  const [queryClient] = useState(createTestQueryClient);
  return (
    <ConsoleProvider apiUrl="/api" locale={LOCALES[locale]} queryClient={queryClient}>
      {children}
    </ConsoleProvider>
  );
}

const preview: Preview = {
  tags: ['autodocs'],
  // Network mocks for every story: handlers come from each story's `parameters.msw`.
  loaders: [mswLoader()],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Accessibility violations fail the story's test, in Storybook and in `pnpm test`.
    a11y: { test: 'error' },
    // Every story talks to a fake proxy at /api (msw in the browser); stories override it.
    msw: { handlers: { console: createConsoleHandlers() } },
  },
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'Console language',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en', 'ru'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [
    (Story, { globals, parameters }) => (
      <StoryConsole locale={parameters.locale ?? globals.locale}>
        <div data-c2d-theme={parameters.theme ?? globals.theme} className="sb-c2d-canvas">
          <Story />
        </div>
      </StoryConsole>
    ),
  ],
};

export default preview;
