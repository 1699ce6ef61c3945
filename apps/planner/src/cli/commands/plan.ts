import type { Command } from 'commander';
import { buildState, checkPlan, GOAL_KINDS, parseGoal, parseStepsDocument, plan, stateInputWith, type DrState, type GoalOptions, type StateOptions } from '@lyncdr/domain';
import { buildPlanDocument, planJson, type Lang, type Paper } from '@lyncdr/documents';
import { LyncdrError } from '@lyncdr/errors';
import type { Topology } from '@lyncdr/topology';
import type { CliContext } from '../context';
import { emitOutput, inputRevision, loadDeployment, outputTarget, printJson, readInput } from '../io';
import { formatPlan, formatViolation } from './plan-format';
import { revisionOf } from './topology-revision';

/** Goal options (--pool, --users-of, --by, …) come from the engine's GoalOptions; the rest are CLI flags. */
interface PlanFlags extends GoalOptions, StateOptions {
  topology?: string;
  overlay?: string;
  state?: string;
  json?: boolean;
  lang?: string;
  output?: string;
  format?: string;
  paper: string;
}

/** Parses a JSON input file; a syntax error names the file and line. */
export function parseJsonInput(text: string, file: string, code: 'E_STATE' | 'E_STEPS'): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new LyncdrError(code, `${file} is not valid JSON (${(e as Error).message}); fix the syntax`, { location: { file, ...(line ? { line } : {}) } });
  }
}

async function loadInputs(ctx: CliContext, f: PlanFlags): Promise<{ topology: Topology; state: DrState; parts: Uint8Array[] }> {
  if (!f.topology) throw new LyncdrError('E_USAGE', 'missing --topology <file>: the published topology, .tbxml or CMS export zip of the deployment');
  const topology = await loadDeployment(f.topology, f.overlay, ctx.cwd);
  const parts: Uint8Array[] = [await readInput(f.topology, ctx.cwd, 'topology')];
  if (f.overlay) parts.push(await readInput(f.overlay, ctx.cwd, 'overlay'));
  let input: unknown = undefined;
  if (f.state) {
    const bytes = await readInput(f.state, ctx.cwd, 'state file');
    parts.push(bytes);
    input = parseJsonInput(bytes.toString('utf8'), f.state, 'E_STATE');
  }
  const given = stateInputWith(input, f);
  if (given !== input) parts.push(new TextEncoder().encode(JSON.stringify({ down: f.down ?? [], cmsOn: f.cmsOn ?? null, federationOn: f.federationOn ?? null })));
  return { topology, state: buildState(topology, given, f.state ?? 'command line (--down, --cms-on, --federation-on)'), parts };
}

async function runPlan(ctx: CliContext, goalName: string, f: PlanFlags): Promise<void> {
  const goal = parseGoal(goalName, f);
  if (f.lang !== undefined && f.lang !== 'en' && f.lang !== 'fr') throw new LyncdrError('E_USAGE', `--lang ${f.lang}: use en or fr`);
  // The plan as a document when -o or --format asks for one (`-o -`, or --format md|html alone, prints it on stdout).
  const target = f.output !== undefined || f.format !== undefined ? outputTarget(f.output, f.format, 'plan.pdf') : null;
  if (f.json && target?.file === null) throw new LyncdrError('E_USAGE', '--json prints on stdout: write the plan document to a file with -o <file>');
  if (f.paper !== 'a4' && f.paper !== 'letter') throw new LyncdrError('E_USAGE', `--paper ${f.paper}: use a4 or letter`);
  const { topology, state, parts } = await loadInputs(ctx, f);
  const lang: Lang = (f.lang as Lang | undefined) ?? topology.overlay?.language ?? 'en';
  const p = plan(goal, state, topology);
  if (target) {
    const doc = buildPlanDocument(p, { lang, now: ctx.now().toISOString(), deployment: topology.deployment, inputRevision: inputRevision(parts), ...revisionOf(topology), state });
    const out = await (await import('@lyncdr/render')).renderDocument(doc, { format: target.format, paper: f.paper as Paper });
    const written = await emitOutput(ctx, target, out);
    if (written && !f.json) ctx.stderr(`wrote ${written}\n`);
  }
  if (f.json) printJson(ctx, planJson(p, lang));
  else if (!target) ctx.stdout(formatPlan(p, lang));
  ctx.exitCode = 0;
}

async function runCheck(ctx: CliContext, stepsFile: string | undefined, f: PlanFlags): Promise<void> {
  if (!stepsFile) throw new LyncdrError('E_USAGE', 'plan check needs <steps.json>: the "steps" of lyncdr plan --json, or the whole plan document');
  const { topology, state } = await loadInputs(ctx, f);
  const text = (await readInput(stepsFile, ctx.cwd, 'steps file')).toString('utf8');
  const steps = parseStepsDocument(parseJsonInput(text, stepsFile, 'E_STEPS'), stepsFile);
  let r;
  try {
    r = checkPlan(steps, state, topology);
  } catch (e) {
    if (e instanceof LyncdrError) throw new LyncdrError(e.code, e.message, { location: { ...e.location, file: stepsFile } });
    throw e;
  }
  if (f.json) {
    printJson(ctx, r.ok ? { ok: true, steps: steps.length, violation: null } : { ok: false, steps: steps.length, violation: r.violation });
  } else {
    ctx.stdout(r.ok ? `ok: ${steps.length} steps replay cleanly from the given state\n` : formatViolation(r.violation));
  }
  ctx.exitCode = r.ok ? 0 : 1;
}

/**
 * `lyncdr plan <goal> --topology <file> [--overlay f] [--state s.json] [--json] [--lang en|fr] [-o out.pdf|.md|.html]`
 * and `lyncdr plan check <steps.json> --topology <file> [--overlay f] [--state s.json] [--json]` (DESIGN §4).
 */
export function registerPlan(program: Command, ctx: CliContext): void {
  program
    .command('plan')
    .description('plan a failover, failback, rebuild or Edge change in the right order, or check a list of steps (plan check)')
    .argument('<goal>', `${GOAL_KINDS.join(' | ')} | check`)
    .argument('[steps]', 'plan check only: steps file ({"steps": [...]} or a whole plan document)')
    .option('--topology <file>', 'published topology (Get-CsTopology -AsXml), Topology Builder .tbxml or Export-CsConfiguration zip')
    .option('--overlay <file>', 'lyncdr.yaml with pairs, next hops, federation routes')
    .option('--state <file>', 'state.json: {"failedOver":{"<home>":"<serving>"},"down":[…],"cmsActive":…} (docs/dr-engine.md lists the optional keys)')
    .option('--down <fqdn...>', 'pools, servers or SQL servers that are down (added to the state file\u2019s "down"; repeat or separate with commas)')
    .option('--cms-on <pool>', 'the pool hosting the active Central Management store (the state\u2019s "cmsActive")')
    .option('--federation-on <edge>', 'the Edge pool carrying Lync and XMPP federation now (the state\u2019s "federation")')
    .option('--json', 'print one JSON document and nothing else')
    .option('--lang <lang>', 'en or fr (default: the overlay\u2019s language, else en)')
    .option('-o, --output <file>', 'write the plan as PDF, Markdown or HTML (from the extension, or --format); - for stdout')
    .option('--format <format>', 'pdf, md or html; md or html without -o prints the document on stdout')
    .option('--paper <paper>', 'a4 or letter', 'a4')
    .option('--pool <fqdn>', 'failover, failback, db-failover, restore-conference-content: the pool; edge-*: the Edge pool; edge-associate: the Front End pool')
    .option('--users-of <fqdn>', 'serve: the pool whose users (homed on it or served by it) move')
    .option('--by <fqdn>', 'serve: the pool that should serve them')
    .option('--failed <fqdn>', 'rebuild: the pool lost for good (A); it is taken as down, so the plan uses the disaster forms')
    .option('--new-fqdn <fqdn>', 'rebuild: the FQDN of the replacement pool (C)')
    .option('--federation <kind>', 'edge-failover: lync or xmpp (default: what the Edge pool carries)')
    .option('--to <fqdn>', 'edge-failover: the Edge pool taking over (default: a running Edge pool, another site first)')
    .option('--edge <fqdn>', 'edge-associate: the Edge pool')
    .option('--type <DatabaseType>', 'db-failover: User, CentralMgmt, … (Invoke-CsDatabaseFailover -DatabaseType)')
    .option('--planned', 'planned variant (the pool is running): no -DisasterMode, planned CMS failover')
    .addHelpText('after', [
      '',
      'Examples:',
      '  lyncdr plan failover --pool pool1.contoso.com --down pool1.contoso.com --topology topology.xml --overlay lyncdr.yaml',
      '  lyncdr plan edge-failback --pool edge1.contoso.com --federation-on edge2.contoso.com --topology topology.xml',
      '  lyncdr plan serve --users-of pool2.contoso.com --by pool1.contoso.com --topology topology.xml --state state.json --json',
      '  lyncdr plan rebuild --failed pool1.contoso.com --new-fqdn pool3.contoso.com --topology topology.xml -o abc.pdf --lang fr',
      '  lyncdr plan check steps.json --topology topology.xml --state state.json',
      '',
      'Exit codes: plan — 0 planned, 2 bad input, unknown FQDN, contradictory state or a goal impossible from the state.',
      '            plan check — 0 the steps replay cleanly, 1 a step breaks a rule (named with its reference), 2 bad input.',
    ].join('\n'))
    .action(async (goal: string, steps: string | undefined, flags: PlanFlags) => {
      if (goal === 'check') return runCheck(ctx, steps, flags);
      if (steps !== undefined) throw new LyncdrError('E_USAGE', `unexpected argument "${steps}" after the goal ${goal}`);
      return runPlan(ctx, goal, flags);
    });
}
