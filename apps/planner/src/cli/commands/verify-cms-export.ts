import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { verifyExport, type ExportFileResult } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import { diffTopologies, parseTopologyDocument, type TopologyDiff } from '@lyncdr/topology';
import { painter } from '../colors';
import type { CliContext } from '../context';
import { printJson } from '../io';

/** `lyncdr verify cms-export <zip…> [--json]`: checks Export-CsConfiguration zips (REFERENCE §f.2). */
export function registerVerifyCmsExport(verify: Command, ctx: CliContext): void {
  verify
    .command('cms-export')
    .description('Check Export-CsConfiguration zips: they open, every CRC matches, DocItemSet.xml is inside and the topology parses. Exit 1 on findings.')
    .argument('<zip...>', 'one or more CMS export zips; with two or more, the two newest are compared')
    .option('--json', 'print one JSON document: { ok, findings:[{code, message, path}], exports:[…], topology:{ pools:[…] }, changes }')
    .action(async (zips: string[], o: { json?: boolean }) => {
      const files: string[] = [];
      for (const z of zips) {
        const full = path.resolve(ctx.cwd, z);
        const st = await stat(full).catch((e: NodeJS.ErrnoException) => {
          throw new LyncdrError('E_INPUT', `cannot read ${z} (${e.code ?? e.message}); give the path of an Export-CsConfiguration zip`, { location: { file: z } });
        });
        if (!st.isFile()) throw new LyncdrError('E_INPUT', `${z} is not a file; give the path of an Export-CsConfiguration zip`, { location: { file: z } });
        files.push(full);
      }
      const results: ExportFileResult[] = [];
      for (const f of files) results.push(await verifyExport(f, { expect: 'configuration', parseTopology: (b, file) => parseTopologyDocument(b, { file }) }));
      const parsed = results.filter((r) => r.topology).sort((a, b) => (b.modified ?? '').localeCompare(a.modified ?? ''));
      const newest = parsed[0]?.topology ?? null;
      const changes: TopologyDiff | null = parsed.length >= 2 ? diffTopologies(parsed[1]!.topology!, parsed[0]!.topology!) : null;
      const findings = results.flatMap((r) => r.findings).map(({ code, message, path: p, severity }) => ({ code, message, path: p ?? null, severity }));
      const ok = results.every((r) => r.ok);
      const out = {
        ok,
        findings,
        exports: results.map((r) => ({
          file: r.file,
          ok: r.ok,
          bytes: r.bytes,
          modified: r.modified,
          documents: r.documents,
          pools: r.topology ? r.topology.pools.map((p) => p.fqdn) : null,
        })),
        topology: newest
          ? { file: parsed[0]!.file, sites: newest.sites.map((s) => ({ id: s.id, name: s.name })), pools: newest.pools.map((p) => ({ fqdn: p.fqdn, kind: p.kind, site: p.site, machines: p.machines })) }
          : null,
        changes: changes && parsed.length >= 2 ? { from: parsed[1]!.file, to: parsed[0]!.file, ...changes } : null,
      };
      if (o.json) printJson(ctx, out);
      else printHuman(ctx, results, changes && parsed.length >= 2 ? { from: parsed[1]!.file, to: parsed[0]!.file, diff: changes } : null);
      ctx.exitCode = ok ? 0 : 1;
    });
}

/**
 * One block per zip, in the order given: its status and path, then what was found in it (pools, or the findings that
 * belong to it), so a finding is never read against the wrong zip; then what changed between the two newest.
 */
function printHuman(ctx: CliContext, results: ExportFileResult[], changes: { from: string; to: string; diff: TopologyDiff } | null): void {
  const paint = painter(ctx);
  results.forEach((r, i) => {
    if (i > 0) ctx.stdout('\n');
    const facts = [r.modified ? `modified ${r.modified}` : null, `${r.bytes} bytes`, r.topology ? `${r.topology.pools.length} pool(s)` : null].filter(Boolean).join(', ');
    ctx.stdout(`${r.ok ? paint('good', 'ok') : paint('bad', 'FAILED')} ${r.file} (${facts})\n`);
    if (r.topology) for (const p of r.topology.pools) ctx.stdout(`  pool ${p.fqdn} (${p.kind}, site ${p.site}): ${p.machines.join(', ')}\n`);
    for (const f of r.findings) ctx.stdout(`  ${paint(f.severity === 'error' ? 'bad' : 'warn', f.code)}: ${f.message}\n`);
  });
  if (!changes) return;
  const c = changes.diff;
  ctx.stdout(`\nchanges from ${changes.from} to ${changes.to}: `);
  ctx.stdout(c.same ? 'none\n' : `pools +${c.pools.added.length} -${c.pools.removed.length} ~${c.pools.changed.length}, machines +${c.machines.added.length} -${c.machines.removed.length}, services +${c.services.added.length} -${c.services.removed.length} ~${c.services.changed.length}\n`);
}
