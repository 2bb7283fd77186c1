import { describe, expect, it } from 'vitest';
import { createDrainGate } from './createDrainGate.js';

const never = new Promise<never>(() => {});

describe('createDrainGate', () => {
  it('passes results through until a shutdown starts', async () => {
    const gate = createDrainGate();
    await expect(gate.unlessDraining(Promise.resolve(7))).resolves.toBe(7);
    await expect(gate.unlessDraining(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.draining).toBe(false);
  });

  it('refuses waits under way and later ones with 503 unavailable once draining', async () => {
    const gate = createDrainGate();
    const waiting = gate.unlessDraining(never);
    gate.drain();
    await expect(waiting).rejects.toMatchObject({ status: 503, code: 'unavailable', retryAfter: 1 });
    await expect(gate.unlessDraining(Promise.resolve(1))).rejects.toMatchObject({ status: 503 });
    expect(gate.draining).toBe(true);
  });
});
