import type { Inventory } from '@lyncdr/domain';
import { productsOf, type Topology } from '@lyncdr/topology';
import type { Block, Document, DocumentMeta, Lang } from '../model';
import { revisionBlocks, revisionMeta } from '../revision/revision-block';
import { textFor } from '../text/index';
import type { WorksheetOptions } from './options';
import { worksheetStrings } from './strings';

export function formatGenerated(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function deploymentName(topology: Topology, inventory: Inventory): string | null {
  return inventory.deployment ?? topology.overlay?.deployment ?? topology.deployment ?? null;
}

/** The known product versions of the pools, oldest first, in words (empty when no pool's version is known). */
function productText(topology: Topology, opts: WorksheetOptions): string {
  const names = worksheetStrings(opts.lang).productNames;
  return productsOf(topology.pools).map((v) => names[v]).join(', ');
}

/** Title, then deployment, date, input revision, topology source and, when known, the product versions. */
export function headerBlocks(title: string, topology: Topology, inventory: Inventory, opts: WorksheetOptions): Block[] {
  const t = textFor(opts.lang);
  const products = productText(topology, opts);
  return [
    { type: 'heading', level: 1, text: title },
    {
      type: 'keyvalue',
      pairs: [
        [t.header.deployment, deploymentName(topology, inventory) ?? t.tbdOwner],
        [t.header.generated, formatGenerated(opts.now)],
        [t.header.inputRevision, opts.inputRevision ? { text: opts.inputRevision, style: 'code' } : '—'],
        [t.header.source, topology.source.file],
        ...(products ? ([[worksheetStrings(opts.lang).productLabel, products]] as [string, string][]) : []),
        ...(opts.status ? ([[worksheetStrings(opts.lang).statusAsOf, formatGenerated(opts.status.generatedAt)]] as [string, string][]) : []),
      ],
    },
  ];
}

/** Approval paragraph and the signature block. */
export function approvalBlocks(lang: Lang): Block[] {
  const t = textFor(lang).signature;
  return [
    { type: 'heading', level: 2, text: t.approvalTitle },
    { type: 'paragraph', text: t.approvalText, tone: 'note' },
    { type: 'signature', roles: [t.preparedBy, t.reviewedBy, t.approvedBy] },
  ];
}

export function worksheetDocument(title: string, topology: Topology, inventory: Inventory, opts: WorksheetOptions, blocks: Block[]): Document {
  const meta: DocumentMeta = {
    title,
    subtitle: deploymentName(topology, inventory) ?? undefined,
    lang: opts.lang,
    deployment: deploymentName(topology, inventory),
    generatedAt: opts.now,
    inputRevision: opts.inputRevision,
    ...revisionMeta(opts),
    orientation: 'landscape',
    keywords: ['Lync Server 2013', 'backup', 'restore', worksheetStrings(opts.lang).allTitle],
  };
  return { meta, blocks: [...blocks, ...revisionBlocks(meta)] };
}
