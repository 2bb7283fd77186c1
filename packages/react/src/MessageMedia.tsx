import type { Attachment, Location, Message } from '@c2d-console/core';
import type { ReactElement, ReactNode } from 'react';
import { attachmentKind } from './attachmentKind.js';
import type { HistoryStrings } from './historyStrings.js';

/** A link to a map at `location` (OpenStreetMap): what `MessageHistory` links a shared place to unless given `mapUrl`. */
export const openStreetMapUrl = ({ latitude, longitude }: Location): string =>
  `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;

/**
 * `url` when it is a web address (http, https, or a path on this site): anything else (a
 * `javascript:` or `data:` URL in a message) is never made a link or a source.
 */
const webUrl = (url: string): string | undefined => (/^(https?:\/\/|\/(?!\/))/i.test(url) ? url : undefined);

/** The file name a URL ends in ("invoice.pdf"), or undefined when it ends in none (an id, a folder). */
function fileNameOf(url: string): string | undefined {
  try {
    const name = decodeURIComponent(url.split(/[?#]/, 1)[0]!.split('/').at(-1)!);
    return name.includes('.') ? name : undefined;
  } catch {
    return undefined;
  }
}

type Media = Pick<Message, 'attachments' | 'location'>;

/**
 * What an attachment shows as: its kind, except that a plain file (Chat2Desk's `attachments[]`)
 * named like a photo, a voice note or a video is shown as one.
 */
const shownKind = ({ kind, name, url }: Attachment) => (kind === 'file' ? attachmentKind(name ?? url) : kind);

/** A message said in a few words when it has no text (a photo, a place): for announcements. */
export function mediaSummary({ attachments: [first], location }: Media, strings: HistoryStrings): string {
  if (!first) return location ? strings.mediaKinds.location : '';
  const kind = shownKind(first);
  return ((kind === 'pdf' || kind === 'file') && (first.name ?? fileNameOf(first.url))) || strings.mediaKinds[kind];
}

/** Props of {@link MessageMedia}. */
export interface MessageMediaProps {
  message: Media;
  strings: HistoryStrings;
  /** Where a shared place links to. */
  mapUrl: (location: Location) => string;
}

/**
 * @internal The files and the place a message carries, in its bubble: photos as lazy thumbnails
 * linking to the full picture, audio and video players that load nothing until played, PDFs and
 * other files as links named by the file (after a badge of its type), a place as a link to a
 * map. Thumbnails and players keep a fixed size before anything loads, so a picture arriving
 * later never moves the history (MessageHistory keeps the reader's place by the heights it
 * measured). Icons are the stylesheet's: they say nothing the text does not.
 */
export function MessageMedia({ message: { attachments, location }, strings, mapUrl }: MessageMediaProps): ReactElement | null {
  const kinds = strings.mediaKinds;
  // A link opens in a new tab, telling the file's host neither the CRM page nor a handle on it;
  // assistive tech hears so. A file at no web address is only named.
  const link = (key: string, kind: string, href: string | undefined, content: ReactNode, hint = strings.mediaNewTab) =>
    href ? (
      <a key={key} className={`c2d-media c2d-media--${kind}`} href={href} target="_blank" rel="noopener noreferrer">
        {content} <span className="c2d-visually-hidden">{hint}</span>
      </a>
    ) : (
      <span key={key} className={`c2d-media c2d-media--${kind}`}>
        {content}
      </span>
    );
  if (!attachments[0] && !location) return null;
  return (
    <div className="c2d-message__media">
      {attachments.map((attachment) => {
        const { url, name } = attachment;
        const href = webUrl(url);
        const kind = shownKind(attachment);
        if (href && kind === 'photo') {
          const alt = name ? `${kinds.photo} ${name}` : kinds.photo;
          return link(url, kind, href, <img src={href} alt={alt} loading="lazy" decoding="async" referrerPolicy="no-referrer" />, strings.mediaFullSize);
        }
        if (href && (kind === 'audio' || kind === 'video')) {
          const Player = kind;
          // oxlint-disable-next-line jsx-a11y/media-has-caption -- a client's voice note or video comes without captions
          return <Player key={url} className={`c2d-media c2d-media--${kind}`} src={href} controls preload="none" aria-label={kinds[kind]} />;
        }
        const fileName = name ?? fileNameOf(url) ?? kinds[kind === 'pdf' ? kind : 'file'];
        // The type is read out before the name ("PDF invoice.pdf"); no extension to show: the
        // stylesheet draws a page in the empty badge.
        const content = (
          <>
            <span className="c2d-media__badge">{kind === 'pdf' ? 'PDF' : fileName.match(/\.(\w{1,4})$/)?.[1]?.toUpperCase()}</span> {fileName}
          </>
        );
        return link(url, 'file', href, content);
      })}
      {location &&
        link('place', 'place', mapUrl(location), `${kinds.location}: ${location.latitude.toFixed(5)}, ${location.longitude.toFixed(5)}`)}
    </div>
  );
}
