import type { InventoryItem } from '@lyncdr/domain';
import { findPool, poolProduct, sqlName, type Topology } from '@lyncdr/topology';
import type { Lang, TableCell, TableColumn, Text } from '../model';
import { tbd } from '../text/index';
import { parseSchedule } from './schedule';
import { worksheetStrings } from './strings';

/** French typography puts a (non-breaking) space before a colon. */
export function colon(lang: Lang): string {
  return lang === 'fr' ? '\u00a0:' : ':';
}

/** A ruled blank cell for a person to fill in. */
export function blank(lang: Lang): TableCell {
  return { blank: true, hint: tbd(lang) };
}

/** Server FQDN and SQL instance of an item, or a blank. */
export function serverCell(item: InventoryItem, lang: Lang): TableCell {
  if (!item.host) return blank(lang);
  if (!item.sqlInstance || item.sqlInstance === item.host) return item.host;
  return item.sqlInstance.startsWith(`${item.host}\\`) ? item.sqlInstance : [item.host, ' (', item.sqlInstance, ')'];
}

/** The overlay's schedule (in the document's words when it is one of parseSchedule's forms), else the suggested frequency. */
export function scheduleCell(item: InventoryItem, lang: Lang): TableCell {
  const s = worksheetStrings(lang);
  if (item.schedule) {
    const known = parseSchedule(item.schedule);
    return known ? s.schedule(known) : item.schedule;
  }
  return [{ text: `${s.suggested}${colon(lang)} `, style: 'italic' }, s.every(item.frequency.periodHours) + (item.afterChange ? ` ${s.afterChange}` : '')];
}

/** Tool in words, then the exact command for this deployment. */
export function toolCell(item: InventoryItem, lang: Lang): TableCell {
  const s = worksheetStrings(lang);
  const tool = s.tools[item.tool] ?? item.tool;
  return item.command ? [tool, `${colon(lang)} `, { text: item.command, style: 'code' }] : tool;
}

/** "Name: ____ Expiration: ____" for a person to fill in. */
export function backupSetCell(lang: Lang): TableCell {
  const [name, exp] = worksheetStrings(lang).backupSet;
  return [`${name} `, { text: '\u00a0'.repeat(18), style: 'blank' }, ` ${exp} `, { text: '\u00a0'.repeat(12), style: 'blank' }];
}

export function destinationCell(item: InventoryItem, lang: Lang): TableCell {
  return item.destination ?? blank(lang);
}

/** The category's notes, or its notes for the version of the item's pool when they differ. */
export function categoryNotes(item: InventoryItem, lang: Lang, topology: Topology): string[] {
  if (!item.category) return [];
  const s = worksheetStrings(lang);
  const pool = item.scope === 'pool' ? findPool(topology, item.scopeRef) : null;
  const product = pool ? poolProduct(pool) : 'unknown';
  return (product !== 'unknown' ? s.versionNotes[item.category]?.[product] : undefined) ?? s.notes[item.category] ?? [];
}

/** Notes: the category's notes, what the Backup Service covers, and the owner (or a blank for one). */
export function notesCell(item: InventoryItem, lang: Lang, topology: Topology): TableCell {
  const s = worksheetStrings(lang);
  const out: Exclude<Text, string> = [];
  for (const n of categoryNotes(item, lang, topology)) out.push(n, ' ');
  // The SQL Server of an AlwaysOn store is its Availability Group listener (docs-sfb/alwayson-availability-group.md).
  const ag = item.sqlInstance && topology.sqlStores.some((st) => st.haType === 'alwayson' && sqlName(st) === item.sqlInstance);
  if (ag) out.push(s.alwaysOnListener(item.sqlInstance!), ' ');
  const covered = item.backupService ? backupServiceText(item, lang, topology) : null;
  if (covered) out.push({ text: `${s.backupServiceLabel}${colon(lang)}`, style: 'bold' }, ` ${covered} `);
  out.push({ text: `${s.ownerLabel}${colon(lang)}`, style: 'bold' }, ' ', item.owner ?? { text: tbd(lang), style: 'blank' });
  return out;
}

function backupServiceText(item: InventoryItem, lang: Lang, t: Topology): string | null {
  const s = worksheetStrings(lang).serviceText;
  const partnerOf = (fqdn: string) => findPool(t, fqdn)?.backupPool ?? null;
  if (item.category === 'userdata') {
    const p = partnerOf(item.scopeRef);
    return p ? s.userdata(p) : null;
  }
  if (item.category === 'configuration') {
    const p = t.cms?.standbyPool ?? (t.cms ? partnerOf(t.cms.pool) : null);
    return p ? s.cms(p) : null;
  }
  if (item.category === 'filestore') {
    const pairs = (item.pools ?? []).flatMap((p) => {
      const b = partnerOf(p);
      return b ? [`${p} → ${b}`] : [];
    });
    return pairs.length ? s.conference(pairs.join(', ')) : null;
  }
  return null;
}

/** Column set with relative widths: label, server, schedule, tool, file/set, destination, notes. */
export function sevenColumns(headers: string[]): TableColumn[] {
  const widths = [15, 13, 9, 22, 11, 11, 19];
  const wrap: TableColumn['wrap'][] = ['words', 'anywhere', 'words', 'words', 'anywhere', 'anywhere', 'words'];
  return headers.map((header, i) => ({ header, width: widths[i] ?? 10, wrap: wrap[i] ?? 'words' }));
}
