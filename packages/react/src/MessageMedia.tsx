import type { Attachment, Location, Message } from '@c2d-console/core';
import type { ReactElement } from 'react';
import { attachmentKind } from './attachmentKind.js';
import type { HistoryStrings } from './historyStrings.js';

/** A link to a map at `location` (OpenStreetMap): what `MessageHistory` links a shared place to unless given `mapUrl`. */
export const openStreetMapUrl = ({ latitude, longitude }: Location): string =>
  `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;

/** 16×16 outline icons (emoji would depend on the operator's fonts): a map pin, and a page for a file of no known type. */
const PIN = 'M8 14.5S3.5 9.8 3.5 6.2a4.5 4.5 0 0 1 9 0c0 3.6-4.5 8.3-4.5 8.3zM8 7.7a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z';
const PAGE = 'M4 1.5h5l3 3v10H4zM9 1.5v3h3';
const icon = (path: string) => (
  <svg className="c2d-media__icon" viewBox="0 0 16 16" aria-hidden="true">
    <path d={path} />
  </svg>
);

/** Opens in a new tab, telling the file's host neither the CRM page nor a handle on it. */
const NEW_TAB = { target: '_blank', rel: 'noopener noreferrer' } as const;

/**
 * `url` when it is a web address (http, https, or a path on this site): anything else (a
 * `javascript:` or `data:` URL in a message) is never made a link or a source.
 */
const webUrl = (url: string): string | undefined => (/^(https?:\/\/|\/(?!\/))/i.test(url) ? url : undefined);

/** The file name a URL ends in ("invoice.pdf"), or null when it ends in none (an id, a folder). */
function fileNameOf(url: string): string | null {
  const last = url.split(/[?#]/, 1)[0]?.split('/').at(-1) ?? '';
  try {
    const name = decodeURIComponent(last);
    return name.includes('.') ? name : null;
  } catch {
    return null;
  }
}

/**
 * What an attachment shows as: its kind, except that a plain file (Chat2Desk's `attachments[]`)
 * named like a photo, a voice note or a video is shown as one.
 */
const shownKind = (attachment: Attachment) =>
  attachment.kind === 'file' ? attachmentKind(attachment.name ?? attachment.url) : attachment.kind;

/** A message said in a few words when it has no text (a photo, a place): for announcements. */
export function mediaSummary(message: Pick<Message, 'attachments' | 'location'>, strings: HistoryStrings): string {
  const [first] = message.attachments;
  if (!first) return message.location ? strings.mediaLocation : '';
  const kind = shownKind(first);
  if (kind === 'photo') return strings.mediaPhoto(first.name);
  if (kind === 'audio') return strings.mediaAudio;
  if (kind === 'video') return strings.mediaVideo;
  return first.name ?? fileNameOf(first.url) ?? strings.mediaKinds[kind];
}

/** Props of {@link MessageMedia}. */
export interface MessageMediaProps {
  message: Pick<Message, 'attachments' | 'location'>;
  strings: HistoryStrings;
  /** Where a shared place links to. */
  mapUrl: (location: Location) => string;
}

/**
 * @internal The files and the place a message carries, in its bubble: photos as lazy thumbnails
 * linking to the full picture, audio and video players that load nothing until played, PDFs and
 * other files as links named by the file, a place as a link to a map. Thumbnails and players
 * keep a fixed size before anything loads, so a picture arriving later never moves the history
 * (MessageHistory keeps the reader's place by the heights it measured).
 */
export function MessageMedia({ message, strings, mapUrl }: MessageMediaProps): ReactElement | null {
  const { attachments, location } = message;
  if (attachments.length === 0 && !location) return null;
  return (
    <div className="c2d-message__media">
      {attachments.map((attachment) => (
        <MediaItem key={attachment.url} attachment={attachment} strings={strings} />
      ))}
      {location && (
        <a className="c2d-media c2d-media--file c2d-media--place" href={mapUrl(location)} {...NEW_TAB}>
          {icon(PIN)}
          <span className="c2d-media__name">
            {strings.mediaLocation}: {location.latitude.toFixed(5)}, {location.longitude.toFixed(5)}{' '}
            <span className="c2d-visually-hidden">{strings.mediaNewTab}</span>
          </span>
        </a>
      )}
    </div>
  );
}

function MediaItem({ attachment, strings }: { attachment: Attachment; strings: HistoryStrings }): ReactElement {
  const url = webUrl(attachment.url);
  const kind = shownKind(attachment);
  if (url && kind === 'photo') {
    return (
      <a className="c2d-media c2d-media--photo" href={url} {...NEW_TAB}>
        <img src={url} alt={strings.mediaPhoto(attachment.name)} loading="lazy" decoding="async" referrerPolicy="no-referrer" />{' '}
        <span className="c2d-visually-hidden">{strings.mediaFullSize}</span>
      </a>
    );
  }
  if (url && kind === 'audio') {
    // oxlint-disable-next-line jsx-a11y/media-has-caption -- a client's voice note has no captions to give
    return <audio className="c2d-media c2d-media--audio" src={url} controls preload="none" aria-label={strings.mediaAudio} />;
  }
  if (url && kind === 'video') {
    // oxlint-disable-next-line jsx-a11y/media-has-caption -- a client's video comes without captions
    return <video className="c2d-media c2d-media--video" src={url} controls preload="none" aria-label={strings.mediaVideo} />;
  }
  const fileKind = kind === 'pdf' ? 'pdf' : 'file';
  const name = attachment.name ?? fileNameOf(attachment.url) ?? strings.mediaKinds[fileKind];
  const extension = kind === 'pdf' ? 'PDF' : name.match(/\.(\w{1,4})$/)?.[1]?.toUpperCase();
  const content = (
    <>
      {extension ? (
        <span className="c2d-media__badge" aria-hidden="true">
          {extension}
        </span>
      ) : (
        icon(PAGE)
      )}
      <span className="c2d-media__name">
        {name}{' '}
        <span className="c2d-visually-hidden">{strings.mediaFileHint(fileKind, url !== undefined)}</span>
      </span>
    </>
  );
  return url ? (
    <a className="c2d-media c2d-media--file" href={url} {...NEW_TAB}>
      {content}
    </a>
  ) : (
    <span className="c2d-media c2d-media--file">{content}</span>
  );
}
