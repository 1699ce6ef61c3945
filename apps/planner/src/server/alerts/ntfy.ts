import type { AlertChannel, ChannelMessage } from './channel';
import type { NtfyConfig } from './channel-config';
import { createHttpPoster } from './http-post';
import { linesOf, titleOf } from './message-text';

/**
 * ntfy-style push (https://docs.ntfy.sh/publish/): a POST of the message as text/plain to the topic's URL, with the
 * `Title`, `Priority` (1 min … 5 max/urgent) and `Tags` (comma-separated; emoji short codes show as emojis) headers
 * of "Message title", "Message priority" and "Tags & emojis" there, and `Authorization: Bearer <token>` for an
 * access token ("Access tokens"). The server keeps a message up to 4096 bytes as text, so the body is cut there.
 */

export const MAX_BODY_BYTES = 4096;

/**
 * A header value must be ASCII (fetch refuses other characters); other text goes as an RFC 2047 encoded word, which the
 * ntfy server decodes in the title (server/server.go parsePublishParams: maybeDecodeHeader, Go's mime.WordDecoder).
 */
export function headerValue(s: string): string {
  const flat = s.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(flat) ? flat : `=?UTF-8?B?${Buffer.from(flat, 'utf8').toString('base64')}?=`;
}

/** Cuts text to at most `max` UTF-8 bytes on a line boundary, saying so. */
export function cutToBytes(lines: string[], max: number): string {
  const note = '… (cut: the planner\'s alert log has it all)';
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (Buffer.byteLength(next, 'utf8') + Buffer.byteLength(`\n${note}`, 'utf8') > max) return `${out}\n${note}`;
    out = next;
  }
  return out;
}

export function ntfyRequest(m: ChannelMessage, extraTags: readonly string[] = []): { body: string; headers: Record<string, string> } {
  let priority: string;
  let tag: string;
  if (m.kind === 'lyncdr.alert') {
    const to = new Set(m.changes.map((c) => c.to));
    [priority, tag] = to.has('failed') ? ['urgent', 'rotating_light'] : to.has('late') || to.has('unknown') ? ['high', 'warning'] : ['default', 'white_check_mark'];
  } else {
    [priority, tag] = m.attention.length ? ['default', 'clipboard'] : ['low', 'white_check_mark'];
  }
  return {
    body: cutToBytes(linesOf(m), MAX_BODY_BYTES),
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      title: headerValue(titleOf(m)),
      priority,
      tags: [tag, 'lyncdr', ...extraTags].join(','),
    },
  };
}

/** `token` is the access token, read from the file or its environment variable (alerts/channels.ts). */
export function createNtfyChannel(o: NtfyConfig & { sleep?: (ms: number) => Promise<void> }): AlertChannel {
  const post = createHttpPoster(o);
  const token = o.token;
  return {
    name: 'ntfy',
    send: (m) => {
      const r = ntfyRequest(m, o.tags);
      return post({ body: r.body, headers: { ...r.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    },
  };
}
