import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { verifyExport, type ExportFileResult } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import { diffTopologies, parseTopologyDocument, type TopologyDiff } from '@lyncdr/topology';
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
      else {
        for (const r of results) ctx.stdout(`${r.ok ? 'ok      ' : 'FAILED  '} ${r.file}${r.topology ? ` (${r.topology.pools.length} pools)` : ''}\n`);
        if (out.topology) for (const p of out.topology.pools) ctx.stdout(`  pool ${p.fqdn} (${p.kind}, site ${p.site}): ${p.machines.join(', ')}\n`);
        if (changes) ctx.stdout(changes.same ? '  no topology change between the two newest exports\n' : `  changes: pools +${changes.pools.added.length} -${changes.pools.removed.length} ~${changes.pools.changed.length}, machines +${changes.machines.added.length} -${changes.machines.removed.length}, services +${changes.services.added.length} -${changes.services.removed.length} ~${changes.services.changed.length}\n`);
        for (const f of findings) ctx.stdout(`  ${f.code}: ${f.message}\n`);
      }
      ctx.exitCode = ok ? 0 : 1;
    });
}
