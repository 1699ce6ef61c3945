import { LyncdrError } from '@lyncdr/errors';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { readYaml } from '../yaml/read-yaml';
import {
  BACKUP_FILE_KEYS,
  type BackEndHaType,
  type BackupFileKey,
  type KnownProduct,
  type Overlay,
  type Owner,
  type SqlInstanceRef,
} from '../model';
import { KNOWN_PRODUCTS, isKnownProduct } from '../product/product-version';

/** Top-level keys of lyncdr.yaml (docs/overlay.md). */
export const OVERLAY_KEYS = [
  'deployment',
  'language',
  'pairs',
  'owners',
  'destinations',
  'schedules',
  'targets',
  'federation',
  'nextHops',
  'mirrors',
  'groupPickup',
  'backupFiles',
  'product',
  'products',
  'backEndHa',
  'drills',
] as const;

const HA_TYPES = ['none', 'mirror', 'alwayson', 'fci'] as const;

/**
 * Parses and schema-checks a lyncdr.yaml overlay. Every error is E_OVERLAY_INVALID (or E_OVERLAY_PARSE for broken
 * YAML) and names the file, the line and the key path (`pairs[1][0]`). Unknown top-level keys are kept in `extra`
 * and reported as findings when the overlay is applied.
 */
export function parseOverlay(text: string, opts: { file: string }): Overlay {
  const { file } = opts;
  const { doc, counter, error } = readYaml(text.replace(/^\uFEFF/, ''));
  const lines: Record<string, number> = {};
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? counter.linePos(node.range[0]).line : undefined;
  if (error) {
    throw new LyncdrError('E_OVERLAY_PARSE', `not valid YAML: ${error.message}; fix the YAML syntax`, {
      location: { file, ...(error.line ? { line: error.line } : {}) },
    });
  }
  const bad = (path: string, node: Node | null | undefined, what: string): never => {
    const line = lineOf(node);
    throw new LyncdrError('E_OVERLAY_INVALID', what, { location: { file, ...(line ? { line } : {}), where: path } });
  };
  const root = doc.contents;
  const overlay: Overlay = {
    deployment: null,
    pairs: [],
    language: null,
    owners: {},
    destinations: {},
    schedules: {},
    targets: { rpoMinutes: null, rtoMinutes: null, perPool: {} },
    federation: {},
    nextHops: {},
    extra: {},
    mirrors: [],
    groupPickup: {},
    file,
    lines,
  };
  if (root === null || (isScalar(root) && root.value === null)) return overlay;
  if (!isMap(root))
    bad('(top)', root as Node, 'the overlay must be a mapping of keys (deployment:, pairs:, …); see docs/overlay.md');

  const str = (path: string, node: Node | null | undefined): string => {
    if (!isScalar(node) || node.value === null || typeof node.value === 'object')
      bad(path, node, 'expected a text value');
    const v = String((node as { value: unknown }).value).trim();
    if (!v) bad(path, node, 'must not be empty');
    lines[path] = lineOf(node) ?? 0;
    return v;
  };
  const fqdn = (path: string, node: Node | null | undefined): string => {
    const v = str(path, node).toLowerCase();
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(v))
      bad(path, node, `"${v}" is not an FQDN (like pool01.contoso.com)`);
    return v;
  };
  const minutes = (path: string, node: Node | null | undefined): number => {
    const v = isScalar(node) ? node.value : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      bad(path, node, 'expected a number of minutes (0 or more)');
    lines[path] = lineOf(node) ?? 0;
    return v as number;
  };
  const map = (path: string, node: Node | null | undefined): [string, Node | null][] => {
    if (!isMap(node)) bad(path, node, 'expected a mapping (key: value)');
    return (node as { items: { key: unknown; value: unknown }[] }).items.map((it) => [
      String(isScalar(it.key) ? it.key.value : it.key),
      it.value as Node | null,
    ]);
  };
  const instanceRef = (path: string, node: Node | null | undefined): SqlInstanceRef => {
    const v = str(path, node);
    const [server, instance] = v.split('\\');
    if (!server || v.split('\\').length > 2) bad(path, node, `"${v}" should be server.fqdn or server.fqdn\\instance`);
    return { server: server!.toLowerCase(), instance: instance?.trim() || null };
  };

  lines['(top)'] = 1;
  for (const item of (root as { items: { key: unknown; value: unknown }[] }).items) {
    const key = String(isScalar(item.key) ? item.key.value : item.key);
    const value = item.value as Node | null;
    lines[key] = lineOf(item.key as Node) ?? 0;
    switch (key) {
      case 'deployment':
        overlay.deployment = str(key, value);
        break;
      case 'language': {
        const v = str(key, value);
        if (v !== 'en' && v !== 'fr') bad(key, value, `"${v}" is not supported; use en or fr`);
        overlay.language = v as 'en' | 'fr';
        break;
      }
      case 'pairs': {
        if (!isSeq(value)) bad(key, value, 'expected a list of pairs, e.g. - [pool1.contoso.com, pool2.contoso.com]');
        (value as { items: unknown[] }).items.forEach((p, i) => {
          const path = `pairs[${i}]`;
          const pair = p as Node;
          if (!isSeq(pair) || pair.items.length !== 2)
            bad(path, pair, 'each pair is a list of two pool FQDNs, e.g. [pool1.contoso.com, pool2.contoso.com]');
          const items = (pair as { items: unknown[] }).items as Node[];
          lines[path] = lineOf(pair) ?? 0;
          overlay.pairs.push([fqdn(`${path}[0]`, items[0]), fqdn(`${path}[1]`, items[1])]);
        });
        break;
      }
      case 'owners':
        for (const [k, v] of map(key, value)) overlay.owners[k] = owner(`owners.${k}`, v);
        break;
      case 'destinations':
        for (const [k, v] of map(key, value)) overlay.destinations[k] = str(`destinations.${k}`, v);
        break;
      case 'schedules':
        for (const [k, v] of map(key, value)) overlay.schedules[k] = str(`schedules.${k}`, v);
        break;
      case 'targets':
        for (const [k, v] of map(key, value)) {
          if (k === 'rpoMinutes') overlay.targets.rpoMinutes = minutes(`targets.${k}`, v);
          else if (k === 'rtoMinutes') overlay.targets.rtoMinutes = minutes(`targets.${k}`, v);
          else if (k === 'pools') {
            for (const [pool, t] of map(`targets.pools`, v)) {
              const path = `targets.pools.${pool.toLowerCase()}`;
              const entry: { rpoMinutes?: number; rtoMinutes?: number } = {};
              for (const [tk, tv] of map(path, t)) {
                if (tk === 'rpoMinutes' || tk === 'rtoMinutes') entry[tk] = minutes(`${path}.${tk}`, tv);
                else bad(`${path}.${tk}`, tv, 'unknown key; use rpoMinutes or rtoMinutes');
              }
              lines[path] = lineOf(t) ?? 0;
              overlay.targets.perPool[pool.toLowerCase()] = entry;
            }
          } else bad(`targets.${k}`, v, 'unknown key; use rpoMinutes, rtoMinutes or pools');
        }
        break;
      case 'federation':
        for (const [k, v] of map(key, value)) {
          if (k === 'lync') overlay.federation.lyncEdge = fqdn('federation.lync', v);
          else if (k === 'xmpp') overlay.federation.xmppEdge = fqdn('federation.xmpp', v);
          else
            bad(
              `federation.${k}`,
              v,
              'unknown key; use lync (Edge pool for Lync federation) or xmpp (Edge pool for XMPP federation)',
            );
        }
        break;
      case 'nextHops':
        for (const [k, v] of map(key, value))
          overlay.nextHops[k.toLowerCase()] = fqdn(`nextHops.${k.toLowerCase()}`, v);
        break;
      case 'groupPickup':
        for (const [k, v] of map(key, value)) {
          const path = `groupPickup.${k.toLowerCase()}`;
          const pool = k.toLowerCase();
          lines[path] = lineOf(v) ?? 0;
          if (!isSeq(v)) bad(path, v, 'expected a list of Call Park orbit identities (type GroupPickup), [] when the pool has none');
          overlay.groupPickup![pool] = (v as { items: Node[] }).items.map((n, i) => str(`${path}[${i}]`, n));
        }
        break;
      case 'backupFiles':
        overlay.backupFiles = {};
        for (const [k, v] of map(key, value)) {
          const path = `backupFiles.${k}`;
          if (!Object.hasOwn(BACKUP_FILE_KEYS, k)) bad(path, v, `unknown kind; use ${Object.keys(BACKUP_FILE_KEYS).join(', ')}`);
          const name = str(path, v);
          const placeholder = BACKUP_FILE_KEYS[k as BackupFileKey];
          if (/[\\/:*?"<>|]/.test(name.replace(placeholder ?? '\u0000', ''))) bad(path, v, 'a file name only (no folder, no \\ / : * ? " < > |); the folder comes from destinations:');
          if (placeholder && !name.includes(placeholder)) bad(path, v, `must contain ${placeholder}: there is one file per ${placeholder === '{pool}' ? 'pool' : 'Persistent Chat SQL Server'}`);
          overlay.backupFiles[k as BackupFileKey] = name;
        }
        break;
      case 'mirrors': {
        if (!isSeq(value)) bad(key, value, 'expected a list of { primary, mirror, witness } entries');
        (value as { items: unknown[] }).items.forEach((m, i) => {
          const path = `mirrors[${i}]`;
          const fields = new Map(map(path, m as Node));
          for (const k of fields.keys())
            if (!['primary', 'mirror', 'witness'].includes(k))
              bad(`${path}.${k}`, fields.get(k), 'unknown key; use primary, mirror, witness');
          overlay.mirrors!.push({
            primary: instanceRef(`${path}.primary`, fields.get('primary')),
            mirror: instanceRef(`${path}.mirror`, fields.get('mirror')),
            witness: fields.has('witness') ? instanceRef(`${path}.witness`, fields.get('witness')) : null,
          });
        });
        break;
      }
      case 'product':
        overlay.product = product(key, value);
        break;
      case 'products':
        overlay.products = {};
        for (const [k, v] of map(key, value)) {
          const pool = k.toLowerCase();
          overlay.products[pool] = product(`products.${pool}`, v);
        }
        break;
      case 'backEndHa':
        overlay.backEndHa = [];
        for (const [k, v] of map(key, value)) {
          const path = `backEndHa.${k.toLowerCase()}`;
          const type = str(path, v).toLowerCase();
          if (!(HA_TYPES as readonly string[]).includes(type)) bad(path, v, `"${type}" is not an HA type; use ${HA_TYPES.join(', ')}`);
          const [server, instance, more] = k.split('\\');
          if (!server?.trim() || more !== undefined) bad(path, v, `"${k}" should be server.fqdn\\instance (or server.fqdn for the default instance)`);
          const sql = { server: server!.trim().toLowerCase(), instance: instance?.trim() || null };
          if (overlay.backEndHa.some((e) => e.sql.server === sql.server && (e.sql.instance ?? '').toLowerCase() === (sql.instance ?? '').toLowerCase()))
            bad(path, v, `${k} is listed twice (keys are case-insensitive)`);
          overlay.backEndHa.push({ key: k, sql, type: type as BackEndHaType });
        }
        break;
      case 'drills':
        // How often each DR goal must be drilled, in days (docs/drills.md); the goal names are checked by the planner.
        overlay.drills = {};
        for (const [k, v] of map(key, value)) {
          const path = `drills.${k}`;
          if (!/^[a-z][a-z-]*$/.test(k)) bad(path, v, `"${k}" is not a goal name (failover, failback, cms-failover, …)`);
          const days = isScalar(v) ? v.value : undefined;
          if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 3650) bad(path, v, 'expected a whole number of days between 1 and 3650');
          lines[path] = lineOf(v) ?? 0;
          overlay.drills[k] = days as number;
        }
        break;
      default:
        overlay.extra[key] = value?.toJSON?.() ?? null;
    }
  }
  return overlay;

  function product(path: string, node: Node | null): KnownProduct {
    const v = str(path, node).toLowerCase();
    if (!isKnownProduct(v)) bad(path, node, `"${v}" is not a product version; use ${KNOWN_PRODUCTS.join(', ')}`);
    return v as KnownProduct;
  }

  function owner(path: string, node: Node | null): Owner {
    if (isScalar(node)) return { name: str(path, node), email: null };
    const fields = new Map(map(path, node));
    for (const k of fields.keys())
      if (k !== 'name' && k !== 'email') bad(`${path}.${k}`, fields.get(k), 'unknown key; an owner has name and email');
    if (!fields.has('name')) bad(path, node, 'an owner needs a name');
    return {
      name: str(`${path}.name`, fields.get('name')),
      email: fields.has('email') ? str(`${path}.email`, fields.get('email')) : null,
    };
  }
}
