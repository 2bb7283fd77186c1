import type { Random } from './createRandom.js';
import type { SandboxMessage } from './sandboxRecords.js';

/** Where the sandbox's fake files live: a reserved domain, so nothing ever resolves. */
const FILES = 'https://files.sandbox.invalid';

/** Places clients share (Almaty, Astana, Moscow). */
const PLACES: ReadonlyArray<readonly [number, number]> = [
  [43.238949, 76.889709],
  [51.128207, 71.430411],
  [55.755826, 37.6173],
];

/** Message types Chat2Desk has added beyond `/v1/help/message_types`; the proxy must show them, not fail. */
export const SANDBOX_UNKNOWN_TYPES = ['interactive', 'story_reply'] as const;

/**
 * Gives some seeded messages what real ones carry (shared/chat2desk-api.md, messages row):
 * photos, voice notes, videos, files and places from clients, PDF invoices from operators, and a
 * few messages of types the proxy does not know. Changes `messages` in place.
 */
export function addSandboxMedia(random: Random, messages: SandboxMessage[]): void {
  for (const m of messages) {
    if (m.type === 'from_client') {
      const kind = random.weighted([['none', 880], ['photo', 50], ['audio', 25], ['attachments', 20], ['location', 15], ['video', 10]] as const);
      if (kind === 'photo') m.photo = `${FILES}/photos/${m.id}.jpg`;
      if (kind === 'audio') m.audio = `${FILES}/audio/${m.id}.ogg`;
      if (kind === 'video') m.video = `${FILES}/video/${m.id}.mp4`;
      if (kind === 'attachments') m.attachments = [{ name: random.pick(['order.pdf', 'scan.png', 'contract.docx']), link: `${FILES}/files/${m.id}` }];
      if (kind === 'location') {
        const [latitude, longitude] = random.pick(PLACES);
        m.coordinates = `${latitude},${longitude}`;
      }
    } else if (m.type === 'to_client' && random.chance(0.03)) {
      m.pdf = `${FILES}/invoices/${m.id}.pdf`;
    } else if (m.type === 'autoreply' && random.chance(0.05)) {
      m.type = random.pick(SANDBOX_UNKNOWN_TYPES);
      m.extra_data = { buttons: ['Да', 'Нет'] };
    }
  }
}
