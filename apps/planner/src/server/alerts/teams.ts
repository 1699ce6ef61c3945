import type { AlertChannel, ChannelMessage } from './channel';
import type { TeamsConfig } from './channel-config';
import { createHttpPoster } from './http-post';
import { formatUtc, move, titleOf } from './message-text';

/**
 * Microsoft Teams through a Workflows webhook (the "Send webhook alerts to a channel" template, trigger "When a Teams
 * webhook request is received"); the Office 365 connectors' incoming webhooks are retired, and "Workflows support
 * Adaptive Cards only", not the old MessageCard (Teams platform docs, "Create and send messages",
 * https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using, which
 * points to "Microsoft Teams - Webhook", https://learn.microsoft.com/en-us/connectors/teams/#microsoft-teams-webhook).
 * The request body is a message with one Adaptive Card attachment, the envelope of "Send Adaptive Cards using an
 * Incoming Webhook" (msteams-docs, webhooks-and-connectors/how-to/add-incoming-webhook.md), which the Workflows
 * templates read as attachments[0].content:
 *   { "type": "message", "attachments": [ { "contentType": "application/vnd.microsoft.card.adaptive",
 *     "contentUrl": null, "content": { "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
 *     "type": "AdaptiveCard", "version": "1.4", "body": [ … ] } } ] }
 * Any 2xx answer counts as delivered. A card message is limited to about 28 KB, so a card lists at most MAX_ROWS rows.
 */

export const MAX_ROWS = 25;

type Block = Record<string, unknown>;

/** TextBlock text is Markdown: escape what would change the rendering (a `\\server\share` path keeps both backslashes). */
export const escapeMarkdown = (s: string) => s.replace(/[\\*_`[\]<>#~|]/g, (c) => `\\${c}`);

const text = (t: string, more: Block = {}): Block => ({ type: 'TextBlock', text: escapeMarkdown(t), wrap: true, ...more });
const colorOf = (status: string) => (status === 'failed' ? 'Attention' : status === 'late' ? 'Warning' : status === 'ok' ? 'Good' : 'Default');

function rows(m: ChannelMessage): { head: string; move: string; color: string; reason: string }[] {
  return m.kind === 'lyncdr.alert'
    ? m.changes.map((c) => ({ head: c.itemId, move: move(c), color: colorOf(c.to), reason: c.reason }))
    : m.attention.map((a) => ({ head: a.itemId, move: a.status, color: colorOf(a.status), reason: a.reason }));
}

/** The Adaptive Card of an alert or a summary, wrapped in the Workflows message. */
export function teamsPayload(m: ChannelMessage): Record<string, unknown> {
  const all = rows(m);
  const shown = all.slice(0, MAX_ROWS);
  const body: Block[] = [
    text(titleOf(m), { size: 'Medium', weight: 'Bolder' }),
    text(`Deployment ${m.deployment ?? '(none)'}, ${formatUtc(m.at)}`, { isSubtle: true, spacing: 'None' }),
    ...(m.kind === 'lyncdr.summary'
      ? [text(`ok ${m.counts.ok}, late ${m.counts.late}, failed ${m.counts.failed}, unknown ${m.counts.unknown}`)]
      : []),
    ...shown.map((r): Block => ({
      type: 'Container',
      separator: true,
      items: [
        text(r.head, { weight: 'Bolder' }),
        text(r.move, { color: r.color, spacing: 'None' }),
        text(r.reason, { spacing: 'None' }),
      ],
    })),
    ...(all.length > shown.length ? [text(`… and ${all.length - shown.length} more (the planner's alert log has them all)`, { isSubtle: true })] : []),
  ];
  return {
    type: 'message',
    attachments: [{
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body, msteams: { width: 'Full' } },
    }],
  };
}

export function createTeamsChannel(o: TeamsConfig & { sleep?: (ms: number) => Promise<void> }): AlertChannel {
  const post = createHttpPoster(o);
  return { name: 'teams', send: (m) => post({ body: JSON.stringify(teamsPayload(m)), headers: { 'content-type': 'application/json' } }) };
}
