import { bench, describe } from 'vitest';
import { createSandboxApp } from './createSandboxApp.js';
import { createSandboxStore } from './createSandboxStore.js';

// Goal: seeding the default sandbox (600 clients) stays well under 200 ms, since the proxy
// builds it on its first sandbox request. Run: npx vitest bench --run --project node packages/proxy/src/sandbox
describe('sandbox', () => {
  let seed = 0;
  bench('createSandboxStore() with 600 clients', () => {
    createSandboxStore({ seed: seed++ });
  });

  const { app } = createSandboxApp();
  const headers = { authorization: 'sandbox' };
  bench('GET /v1/clients?limit=20&q=ай', async () => {
    await app.request('/v1/clients?limit=20&q=%D0%B0%D0%B9', { headers });
  });
  bench('GET /chat/all?dialogID=63&minifiedView=1', async () => {
    await app.request('/chat/all?dialogID=63&minifiedView=1');
  });
});
