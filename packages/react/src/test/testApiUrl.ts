/** Base URL of the fake proxy in jsdom tests: where `renderWithConsole` points and msw answers. */
export const TEST_API_URL = 'http://proxy.test';
