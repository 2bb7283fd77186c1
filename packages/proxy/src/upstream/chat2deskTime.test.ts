import { describe, expect, it } from 'vitest';
import { clientOne, clientTwo, hookInbox, messageSystemOldTime } from '../../test/fixtures/chat2desk/index.js';
import { toIsoUtc } from './chat2deskTime.js';

describe('toIsoUtc: every time format Chat2Desk writes, to ISO UTC', () => {
  it.each([
    ['"… UTC", the current answers', clientOne.last_client_message, '2025-09-09T13:20:25.000Z'],
    ['dd.MM.yyyy, older records', clientTwo.last_client_message, '2025-09-09T13:20:25.000Z'],
    ['dd.MM.yyyy in a message', messageSystemOldTime.created, '2025-09-09T13:12:00.000Z'],
    ['ISO with Z, webhooks', hookInbox.event_time, '2025-09-09T13:25:40.000Z'],
    ['ISO with an offset', '2025-09-09T16:20:25+03:00', '2025-09-09T13:20:25.000Z'],
    ['ISO with a compact offset', '2025-09-09T10:20:25-0300', '2025-09-09T13:20:25.000Z'],
    ['zoneless, read as UTC', '2025-09-09T13:20:25', '2025-09-09T13:20:25.000Z'],
    ['a space instead of T', '2025-09-09 13:20:25', '2025-09-09T13:20:25.000Z'],
    ['milliseconds kept', '2025-09-09T13:20:25.5Z', '2025-09-09T13:20:25.500Z'],
  ])('%s', (_, value, iso) => {
    expect(toIsoUtc(value)).toBe(iso);
  });

  it.each([null, undefined, '', 'yesterday', '31.02.2025 10:00:00', '2025-13-01T00:00:00 UTC', '2025-09-09T25:00:00 UTC', '9.9.2025 13:20'])(
    'answers null for %j rather than failing the answer',
    (value) => {
      expect(toIsoUtc(value)).toBeNull();
    },
  );
});
