import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Chat2DeskConfigError } from './Chat2DeskConfigError.js';
import { buildDialogUrl, normalizeDialogHost, type DialogMode } from './buildDialogUrl.js';

describe('buildDialogUrl', () => {
  it.each([1, 2, 3] as const)('builds the documented URL for mode %i', (mode) => {
    expect(buildDialogUrl({ host: 'https://web.chat2desk.kz', mode, dialogId: 63 })).toBe(
      `https://web.chat2desk.kz/chat/all?dialogID=63&minifiedView=${mode}`,
    );
  });

  it('defaults to the international host', () => {
    expect(buildDialogUrl({ mode: 2, dialogId: 7 })).toBe(
      'https://web.chat2desk.com/chat/all?dialogID=7&minifiedView=2',
    );
  });

  it('omits dialogID in mode 1 when no dialog is given', () => {
    expect(buildDialogUrl({ mode: 1 })).toBe('https://web.chat2desk.com/chat/all?minifiedView=1');
  });

  it('accepts any https host, a port and a trailing slash', () => {
    expect(buildDialogUrl({ host: 'https://chat.example.org:8443/', mode: 3, dialogId: 1 })).toBe(
      'https://chat.example.org:8443/chat/all?dialogID=1&minifiedView=3',
    );
  });

  it('accepts http only on loopback, for the sandbox', () => {
    expect(buildDialogUrl({ host: 'http://localhost:8787', mode: 1, dialogId: 5 })).toBe(
      'http://localhost:8787/chat/all?dialogID=5&minifiedView=1',
    );
    expect(buildDialogUrl({ host: 'http://127.0.0.1:8787', mode: 2, dialogId: 5 })).toMatch(
      /^http:\/\/127\.0\.0\.1:8787\/chat\/all\?/,
    );
  });

  it.each([2, 3] as const)('requires a dialog id in mode %i', (mode) => {
    expect(() => buildDialogUrl({ mode })).toThrow(`mode ${mode} needs a dialogId (a positive integer)`);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, '63' as unknown as number])(
    'rejects the dialog id %s',
    (dialogId) => {
      expect(() => buildDialogUrl({ mode: 1, dialogId })).toThrow(/dialogId must be a positive integer/);
    },
  );

  it.each([0, 4, '1', null, undefined])('rejects the mode %s', (mode) => {
    expect(() => buildDialogUrl({ mode: mode as DialogMode, dialogId: 1 })).toThrow(
      /mode must be 1 .*, 2 .* or 3 /,
    );
  });

  it.each([
    ['javascript:alert(1)', /must use https:/],
    ['data:text/html,hi', /must use https:/],
    ['http://web.chat2desk.com', /must use https:/],
    ['ftp://web.chat2desk.com', /must use https:/],
    ['web.chat2desk.com', /is not a URL/],
    ['', /must be an https origin/],
    ['https://web.chat2desk.com/chat', /origin only, without a path/],
    ['https://web.chat2desk.com?x=1', /origin only/],
    ['https://web.chat2desk.com?', /origin only/],
    ['https://web.chat2desk.com#frag', /origin only/],
    ['https://user:pw@web.chat2desk.com', /credentials/],
  ])('rejects the host %j', (host, message) => {
    let caught: unknown;
    try {
      buildDialogUrl({ host, mode: 1, dialogId: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Chat2DeskConfigError);
    expect((caught as Chat2DeskConfigError).option).toBe('host');
    expect((caught as Error).message).toMatch(message);
  });

  describe('in a production build', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it.each([
      ['javascript:alert(1)', 1, 1, 'host'],
      ['http://web.chat2desk.com', 1, 1, 'host'],
      ['https://user:pw@web.chat2desk.com', 1, 1, 'host'],
      ['https://web.chat2desk.com/chat', 1, 1, 'host'],
      ['https://web.chat2desk.com', 4, 1, 'mode'],
      ['https://web.chat2desk.com', 2, undefined, 'dialogId'],
      ['https://web.chat2desk.com', 1, 1.5, 'dialogId'],
    ] as const)('still refuses %s (mode %s, dialog %s), naming only the option', (host, mode, dialogId, option) => {
      vi.stubEnv('NODE_ENV', 'production');
      let caught: unknown;
      try {
        buildDialogUrl({ host, mode: mode as DialogMode, dialogId });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(Chat2DeskConfigError);
      expect(caught).toMatchObject({ option, message: `c2d-console: invalid ${option}` });
    });
  });

  it('normalizes a host to its origin', () => {
    expect(normalizeDialogHost('https://WEB.chat2desk.KZ/')).toBe('https://web.chat2desk.kz');
  });
});

describe('buildDialogUrl properties', () => {
  const anyMode = fc.oneof(fc.constantFrom(1, 2, 3), fc.anything()) as fc.Arbitrary<DialogMode>;
  const anyId = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constant(undefined),
    fc.anything(),
  ) as fc.Arbitrary<number | undefined>;
  const anyHost = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.webUrl(),
    fc.string(),
    fc.constantFrom('javascript:alert(1)', 'data:,x', 'http://localhost:1', 'https://a.b\\@c.d'),
  );

  it('never yields another origin or any parameter but dialogID and minifiedView', () => {
    fc.assert(
      fc.property(anyHost, anyMode, anyId, (host, mode, dialogId) => {
        let result: string;
        try {
          result = buildDialogUrl({ host, mode, dialogId });
        } catch (error) {
          expect(error).toBeInstanceOf(Chat2DeskConfigError);
          return;
        }
        const url = new URL(result);
        expect(url.origin).toBe(new URL(host).origin);
        expect(['https:', 'http:']).toContain(url.protocol);
        if (url.protocol === 'http:') expect(['localhost', '127.0.0.1', '[::1]']).toContain(url.hostname);
        expect(url.pathname).toBe('/chat/all');
        expect(url.hash).toBe('');
        expect(url.username + url.password).toBe('');
        const keys = [...url.searchParams.keys()];
        expect(keys.filter((k) => k !== 'dialogID' && k !== 'minifiedView')).toEqual([]);
        expect(url.searchParams.get('minifiedView')).toBe(String(mode));
        if (dialogId === undefined || dialogId === null) expect(keys).toEqual(['minifiedView']);
        else expect(url.searchParams.get('dialogID')).toBe(String(dialogId));
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every valid input', () => {
    fc.assert(
      fc.property(
        fc.domain(),
        fc.constantFrom<DialogMode>(1, 2, 3),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (domain, mode, dialogId) => {
          const url = new URL(buildDialogUrl({ host: `https://${domain}`, mode, dialogId }));
          expect(url.hostname).toBe(new URL(`https://${domain}`).hostname);
          expect(url.searchParams.get('dialogID')).toBe(String(dialogId));
          expect(url.searchParams.get('minifiedView')).toBe(String(mode));
        },
      ),
    );
  });
});
