import { createSampleTopology, type SampleTopologyOptions } from '@lyncdr/domain';
import type { Topology } from '@lyncdr/topology';
import type { Block, Document, StepBlock, Text } from '../model';
import type { RunbookOptions } from '../runbooks/spec';

export function topology(opts: SampleTopologyOptions = {}): Topology {
  return createSampleTopology(opts);
}

export function options(over: Partial<RunbookOptions> = {}): RunbookOptions {
  return { lang: 'en', pools: [], now: '2026-03-01T08:00:00.000Z', inputRevision: 'rev1', ...over };
}

export function steps(doc: Document): StepBlock[] {
  return doc.blocks.filter((b): b is StepBlock => b.type === 'step');
}

export function commands(doc: Document): string[] {
  return steps(doc).flatMap((s) => s.commands);
}

function flat(t: Text): string {
  return (Array.isArray(t) ? t : [t]).map((i) => (typeof i === 'string' ? i : i.text)).join('');
}

/** All the words of a document, for "it says so" assertions. */
export function allText(doc: Document): string {
  const parts: string[] = [doc.meta.title, doc.meta.subtitle ?? ''];
  const block = (b: Block): void => {
    switch (b.type) {
      case 'heading':
        parts.push(b.text);
        break;
      case 'paragraph':
        parts.push(flat(b.text));
        break;
      case 'list':
        parts.push(...b.items.map(flat));
        break;
      case 'checklist':
        parts.push(...b.items.map((i) => flat(i.text)));
        break;
      case 'keyvalue':
        parts.push(...b.pairs.map(([k, v]) => `${k} ${flat(v)}`));
        break;
      case 'step':
        parts.push(b.title, b.body ? flat(b.body) : '', ...b.commands, b.verify ? flat(b.verify) : '', b.ref ?? '');
        break;
      case 'code':
        parts.push(...b.lines);
        break;
      case 'signature':
        parts.push(...b.roles);
        break;
      default:
        break;
    }
  };
  doc.blocks.forEach(block);
  return parts.join('\n');
}
