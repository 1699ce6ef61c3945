import { describe, expect, it } from 'vitest';
import { buildEmail, encodeHeader, quotedPrintable, rfc5322Date } from './email-message';
import { dotStuff } from './smtp-client';

describe('e-mail text', () => {
  it('dates in UTC as RFC 5322 says', () => {
    expect(rfc5322Date(new Date('2026-03-01T07:05:09.999Z'))).toBe('Sun, 01 Mar 2026 07:05:09 +0000');
  });

  it('encodes a header with non-ASCII text as folded encoded words, and keeps ASCII as it is', () => {
    expect(encodeHeader('lyncdr contoso: 2 late')).toBe('lyncdr contoso: 2 late');
    expect(encodeHeader('a\r\nBcc: x@y.z')).toBe('a Bcc: x@y.z');
    const subject = 'lyncdr Société Générale: fichier: ok → en retard depuis très longtemps';
    const encoded = encodeHeader(subject);
    const words = encoded.split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) expect(w).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
    expect(words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('')).toBe(subject);
  });

  it('writes quoted-printable lines of at most 76 characters, with = and non-ASCII bytes escaped', () => {
    expect(quotedPrintable('ok → late, a=b')).toBe('ok =E2=86=92 late, a=3Db');
    expect(quotedPrintable('trailing space \nnext')).toBe('trailing space=20\r\nnext');
    const long = quotedPrintable('x'.repeat(200));
    expect(long.split('\r\n').map((l) => l.length)).toEqual([76, 76, 50]);
    expect(long.replace(/=\r\n/g, '')).toBe('x'.repeat(200));
  });

  it('puts the headers, a blank line and the body with CRLF line ends', () => {
    const text = buildEmail({ from: 'a@b.c', to: ['x@y.z', 'w@y.z'], subject: 'S', lines: ['one', 'two'], date: new Date('2026-11-22T10:00:00Z'), messageId: 'id@lyncdr' });
    expect(text).toBe([
      'From: a@b.c', 'To: x@y.z, w@y.z', 'Subject: S', 'Date: Sun, 22 Nov 2026 10:00:00 +0000', 'Message-ID: <id@lyncdr>', 'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', 'Auto-Submitted: auto-generated', 'X-Mailer: lyncdr-planner',
      '', 'one', 'two', '',
    ].join('\r\n'));
  });

  it('doubles a leading dot in DATA and ends with the lone dot', () => {
    expect(dotStuff('a\n.b\r\n..c\nd')).toBe('a\r\n..b\r\n...c\r\nd\r\n.\r\n');
    expect(dotStuff('a\r\n')).toBe('a\r\n.\r\n');
  });
});
