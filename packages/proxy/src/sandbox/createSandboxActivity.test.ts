import { describe, expect, it } from 'vitest';
import { createSandboxActivity } from './createSandboxActivity.js';
import { createSandboxStore, type SandboxChange } from './createSandboxStore.js';

const now = () => new Date('2026-11-02T09:30:00Z');

describe('createSandboxActivity', () => {
  it('makes clients write, dialogs move between operators and close, new clients arrive, names change', () => {
    const store = createSandboxStore({ seed: 9, clients: 80, now });
    const activity = createSandboxActivity(store);
    const changes: SandboxChange[] = [];
    store.subscribe((change) => changes.push(change));
    const steps = Array.from({ length: 200 }, () => activity.step());
    expect(new Set(steps.map((s) => s.action))).toEqual(new Set(['write', 'transfer', 'close', 'new-client', 'rename']));
    for (const step of steps) {
      if (step.action === 'transfer') expect(step.to).not.toBe(step.from);
      if (step.action === 'write' || step.action === 'new-client') expect(store.listMessages({ clientId: step.clientId })[0]?.id).toBeGreaterThanOrEqual(step.messageId);
    }
    // Every step is a change Chat2Desk would report.
    expect(changes.filter((c) => c.kind === 'message' && c.message.type === 'from_client')).toHaveLength(steps.filter((s) => s.action === 'write' || s.action === 'new-client').length);
    expect(changes.filter((c) => c.kind === 'dialog' && c.change === 'transferred')).toHaveLength(steps.filter((s) => s.action === 'transfer').length);
    // It keeps to the clients the console shows first.
    const writers = new Set(steps.flatMap((s) => (s.action === 'write' ? [s.clientId] : [])));
    expect(writers.size).toBeLessThan(60);
  });

  it('is the same for the same seed', () => {
    const run = () => {
      const activity = createSandboxActivity(createSandboxStore({ seed: 9, clients: 80, now }));
      return Array.from({ length: 30 }, () => activity.step());
    };
    expect(run()).toEqual(run());
  });

  it('runs on its own every few seconds until stopped', async () => {
    const store = createSandboxStore({ seed: 9, clients: 80, now });
    const activity = createSandboxActivity(store, { intervalMs: 20 });
    let changes = 0;
    store.subscribe(() => changes++);
    activity.start();
    await expect.poll(() => changes).toBeGreaterThan(3);
    activity.stop();
    const stopped = changes;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changes).toBe(stopped);
  });
});
