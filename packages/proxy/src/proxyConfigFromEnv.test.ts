import { describe, expect, it } from 'vitest';
import { proxyConfigFromEnv } from './proxyConfigFromEnv.js';

describe('proxyConfigFromEnv', () => {
  it('is sandbox mode on 127.0.0.1:8787 with no variables', () => {
    expect(proxyConfigFromEnv({})).toEqual({ proxy: {}, listen: { port: 8787, host: '127.0.0.1' }, mode: 'sandbox', warnings: [] });
  });

  it('reads every variable of the design', () => {
    const config = proxyConfigFromEnv({
      CHAT2DESK_API_TOKEN: ' tok ',
      CHAT2DESK_API_URL: 'https://api.chat2desk.kz',
      PORT: '9000',
      HOST: '0.0.0.0',
      C2D_PROXY_JWT_SECRET: 'secret',
      C2D_PROXY_ALLOWED_ORIGINS: 'https://crm.example.com, https://admin.example.com,',
      C2D_PROXY_INSECURE_NO_AUTH: '1',
    });
    expect(config).toEqual({
      mode: 'live',
      listen: { port: 9000, host: '0.0.0.0' },
      warnings: [],
      proxy: {
        token: 'tok',
        upstreamUrl: 'https://api.chat2desk.kz',
        auth: { jwtSecret: 'secret' },
        allowedOrigins: ['https://crm.example.com', 'https://admin.example.com'],
        insecureNoAuth: true,
        store: { dataDir: './.c2d-proxy-data' },
      },
    });
  });

  it('reads the live console’s variables: webhook secret and signature, data folder, retention, connection cap', () => {
    const config = proxyConfigFromEnv({
      CHAT2DESK_API_TOKEN: 'tok',
      C2D_WEBHOOK_SECRET: ' whsec-0123456789abcdef ',
      C2D_WEBHOOK_SIGNATURE_HEADER: 'X-Signature',
      C2D_WEBHOOK_SIGNATURE_KEY: 'key',
      C2D_WEBHOOK_SIGNATURE_ENCODING: 'BASE64',
      C2D_PROXY_DATA_DIR: '/var/lib/c2d',
      C2D_PROXY_EVENT_RETENTION_DAYS: '3',
      C2D_PROXY_MAX_EVENT_CONNECTIONS: '5000',
    });
    expect(config.proxy).toMatchObject({
      webhooks: { secret: 'whsec-0123456789abcdef', signature: { header: 'X-Signature', key: 'key', algorithm: 'SHA-256', encoding: 'base64' } },
      store: { dataDir: '/var/lib/c2d', eventRetentionMs: 3 * 24 * 60 * 60_000 },
      events: { maxConnections: 5000 },
    });
    expect(() => proxyConfigFromEnv({ C2D_WEBHOOK_SIGNATURE_KEY: 'key' })).toThrow(/Set both C2D_WEBHOOK_SIGNATURE_HEADER .* and C2D_WEBHOOK_SIGNATURE_KEY/);
    expect(() => proxyConfigFromEnv({ C2D_PROXY_MAX_EVENT_CONNECTIONS: 'lots' })).toThrow('C2D_PROXY_MAX_EVENT_CONNECTIONS must be a positive whole number (got "lots")');
  });

  it('keeps the sandbox in memory and turns its activity on with C2D_SANDBOX_ACTIVITY=1', () => {
    const sandbox = proxyConfigFromEnv({ C2D_PROXY_DATA_DIR: './data', C2D_SANDBOX_ACTIVITY: '1' });
    expect(sandbox.proxy).toEqual({ sandbox: { activity: true } });
    expect(sandbox.warnings).toEqual([expect.stringMatching(/C2D_PROXY_DATA_DIR is ignored in sandbox mode/)]);
    const live = proxyConfigFromEnv({ CHAT2DESK_API_TOKEN: 'tok', C2D_SANDBOX_ACTIVITY: '1' });
    expect(live.proxy.sandbox).toBeUndefined();
    expect(live.warnings).toContain("C2D_SANDBOX_ACTIVITY is ignored in live mode: the activity is the sandbox's");
  });

  it('keeps the sandbox (no auth) on loopback whatever HOST says', () => {
    const config = proxyConfigFromEnv({ HOST: '0.0.0.0' });
    expect(config.listen.host).toBe('127.0.0.1');
    expect(config.warnings[0]).toMatch(/HOST=0\.0\.0\.0 is ignored in sandbox mode/);
  });

  it('refuses a bad PORT with a message saying what it must be', () => {
    expect(() => proxyConfigFromEnv({ PORT: 'http' })).toThrow(/PORT must be a port number from 0 to 65535/);
    expect(() => proxyConfigFromEnv({ PORT: '70000' })).toThrow(/PORT must be a port number/);
  });

  it('reads C2D_SANDBOX_FAULTS into the sandbox, refuses an unknown fault by name, and ignores faults in live mode', () => {
    expect(proxyConfigFromEnv({ C2D_SANDBOX_FAULTS: ' quota, slow ' }).proxy.sandbox).toEqual({ faults: ['quota', 'slow'] });
    expect(proxyConfigFromEnv({ C2D_SANDBOX_FAULTS: 'login' }).proxy.sandbox).toEqual({ faults: ['login'] });
    expect(proxyConfigFromEnv({ C2D_SANDBOX_FAULTS: '' }).proxy.sandbox).toBeUndefined();
    expect(() => proxyConfigFromEnv({ C2D_SANDBOX_FAULTS: 'quota,flood' })).toThrow(
      'C2D_SANDBOX_FAULTS: "flood" is not a fault; use any of quota, rate-limit, bad-token, slow, login, comma-separated',
    );
    const live = proxyConfigFromEnv({ CHAT2DESK_API_TOKEN: 'tok', C2D_SANDBOX_FAULTS: 'quota' });
    expect(live.proxy.sandbox).toBeUndefined();
    expect(live.warnings).toContain('C2D_SANDBOX_FAULTS is ignored in live mode: faults are for the sandbox');
  });
});
