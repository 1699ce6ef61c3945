/**
 * The text of an alert e-mail (RFC 5322 headers, a MIME text/plain UTF-8 body in quoted-printable, RFC 2045),
 * with CRLF line ends. Dot-stuffing belongs to the SMTP DATA step (smtp-client.ts).
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 date-time in UTC: `Sun, 22 Nov 2026 10:00:00 +0000`. */
export function rfc5322Date(d: Date): string {
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** A header value: ASCII as it is, other text as RFC 2047 encoded words (base64, each ≤ 75 characters), folded. */
export function encodeHeader(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(flat)) return flat;
  const words: string[] = [];
  let chunk = '';
  for (const ch of flat) {
    // 45 bytes of UTF-8 are 60 characters of base64: with `=?UTF-8?B?` and `?=` a word stays under 75.
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text; lines of at most 76 characters, soft breaks as `=`. */
export function quotedPrintable(text: string): string {
  return text.split(/\r?\n/).map((line) => {
    const bytes = Buffer.from(line, 'utf8');
    const out: string[] = [];
    let width = 0;
    bytes.forEach((b, i) => {
      const last = i === bytes.length - 1;
      const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      const token = plain ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
      if (width + token.length > 75) {
        out.push('=\r\n');
        width = 0;
      }
      out.push(token);
      width += token.length;
    });
    return out.join('');
  }).join('\r\n');
}

export interface EmailText {
  from: string;
  to: readonly string[];
  subject: string;
  lines: readonly string[];
  date: Date;
  messageId: string;
}

export function buildEmail(m: EmailText): string {
  const headers = [
    `From: ${m.from}`,
    `To: ${m.to.join(', ')}`,
    `Subject: ${encodeHeader(m.subject)}`,
    `Date: ${rfc5322Date(m.date)}`,
    `Message-ID: <${m.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    'Auto-Submitted: auto-generated',
    'X-Mailer: lyncdr-planner',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${quotedPrintable(m.lines.join('\n'))}\r\n`;
}
