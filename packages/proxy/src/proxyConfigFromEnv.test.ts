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
      },
    });
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
    expect(proxyConfigFromEnv({ C2D_SANDBOX_FAULTS: '' }).proxy.sandbox).toBeUndefined();
    expect(() => proxyConfigFromEnv({ C2D_SANDBOX_FAULTS: 'quota,flood' })).toThrow(
      'C2D_SANDBOX_FAULTS: "flood" is not a fault; use any of quota, rate-limit, bad-token, slow, comma-separated',
    );
    const live = proxyConfigFromEnv({ CHAT2DESK_API_TOKEN: 'tok', C2D_SANDBOX_FAULTS: 'quota' });
    expect(live.proxy.sandbox).toBeUndefined();
    expect(live.warnings).toContain('C2D_SANDBOX_FAULTS is ignored in live mode: faults are for the sandbox');
  });
});
