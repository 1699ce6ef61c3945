import { describe, expect, it } from 'vitest';
import { formatError, LyncdrError } from '@lyncdr/errors';
import type { Topology } from '@lyncdr/topology';
import { createPlanBuilder } from './builder';
import { buildState, checkPlan, describeArgs, OPERATIONS, parseStepsDocument, plan, type DrState, type Op } from './index';
import { allGoals } from './testing/all-goals';
import { twoSiteTopology } from './testing/build-topology';
import { createRandom, generateStateInput, generateTopology } from './testing/generate';

const t = twoSiteTopology();
const P1 = 'p1.contoso.com';
const P2 = 'p2.contoso.com';

/** The E_STEPS error of reading one step with this op from steps.json. */
function refused(op: { id: string; args: Record<string, unknown> }): LyncdrError {
  try {
    parseStepsDocument({ steps: [{ n: 1, command: null, op }] }, 'steps.json');
  } catch (e) {
    if (e instanceof LyncdrError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(op)} to be refused`);
}

describe("a step's op arguments are parsed by its operation's schema", () => {
  it('a misspelled argument is E_STEPS naming the operation, the argument and what it takes', () => {
    const e = refused({ id: 'pool-failover', args: { pol: P1, disaster: true } });
    expect(e.code).toBe('E_STEPS');
    expect(e.exitCode).toBe(2);
    expect(e.location).toEqual({ file: 'steps.json', where: 'steps[0].op.args.pol' });
    expect(formatError(e)).toBe(
      'E_STEPS: steps.json steps[0].op.args.pol: steps[0].op: pool-failover: no argument "pol"; "pool" is missing. ' +
        'pool-failover takes pool (text), to (text, optional), disaster (true/false, optional)',
    );
  });

  it('plan check replays no empty pool for a misspelled argument: it refuses the step', () => {
    const state = buildState(t, { down: [P1] });
    expect(() => checkPlan([{ op: { id: 'pool-failover', args: { pool: P1, disaster: true } } }], state, t)).not.toThrow();
    const e = (() => {
      try {
        checkPlan([{ n: 1, op: { id: 'pool-failover', args: { pol: P1, disaster: true } } }], state, t);
      } catch (x) {
        return x as LyncdrError;
      }
      throw new Error('expected E_STEPS');
    })();
    expect(e.code).toBe('E_STEPS');
    expect(e.location.where).toBe('steps[0].op.args.pol');
  });

  it('a missing argument is named', () => {
    const e = refused({ id: 'db-failover', args: { pool: P1, type: 'User' } });
    expect(e.location.where).toBe('steps[0].op.args.newPrincipal');
    expect(e.message).toContain('db-failover: "newPrincipal" is missing');
  });

  it('an argument of the wrong type is named with the type it needs', () => {
    expect(refused({ id: 'pool-failover', args: { pool: P1, disaster: 'true' } }).message).toContain('pool-failover: "disaster" must be true or false');
    expect(refused({ id: 'backup-status', args: { pool: true } }).message).toContain('backup-status: "pool" must be text');
    expect(refused({ id: 'xmpp-federation-route', args: { to: 'edge1.contoso.com', failback: 'no' } }).message).toContain('"failback" must be "yes"');
  });

  it('a value the schema accepts but the reference refuses stays a broken rule (exit 1), not bad input', () => {
    const steps = parseStepsDocument({ steps: [{ op: { id: 'db-failover', args: { pool: P1, type: 'Bogus', newPrincipal: 'mirror' } } }] }, 'steps.json');
    const r = checkPlan(steps, buildState(t, {}), t);
    expect(r.ok ? null : r.violation.rule).toBe('database-type');
  });

  it('an op a plan generator got wrong is an internal error, not bad input', () => {
    const b = createPlanBuilder(buildState(t, {}), t);
    expect(() => b.add({ id: 'backup-status', args: { poool: P1 } })).toThrow(expect.objectContaining({ code: 'E_INTERNAL' }));
  });

  it('an operation says what it takes', () => {
    expect(describeArgs(OPERATIONS.abc!)).toBe('failed (text), partner (text), newPool (text), stage (text)');
    expect(describeArgs(OPERATIONS['lync-federation-route']!)).toBe('from (text, optional), to (text), failback ("yes", optional)');
  });
});

describe("every operation's schema accepts what the plan generators emit", () => {
  /** Every op of every plan of every goal; goals impossible from the state are skipped. */
  function opsOf(topology: Topology, state: DrState): Op[] {
    const ops: Op[] = [];
    for (const goal of allGoals(topology, state)) {
      try {
        for (const s of plan(goal, state, topology).steps) if (s.op) ops.push(s.op);
      } catch (e) {
        if (!(e instanceof LyncdrError) || e.code === 'E_INTERNAL') throw e;
      }
    }
    return ops;
  }

  it('on the two-site example in each state of its pair and on 12 generated deployments, covering every operation', () => {
    const [a, b] = [P1, P2];
    const cases: [Topology, DrState][] = [
      {}, { down: [a] }, { failedOver: { [a]: b } }, { failedOver: { [a]: b }, down: [a] }, { down: ['edge1.contoso.com'] },
      { down: [a, 'edge1.contoso.com'], cmsActive: b }, { cmsAvailable: false },
    ].map((s) => [t, buildState(t, s)]);
    for (let seed = 1; seed <= 12; seed++) {
      const g = generateTopology(seed, 2 + createRandom(seed * 7919).int(10));
      cases.push([g, buildState(g, generateStateInput(g, seed * 100))]);
    }
    const seen = new Set<string>();
    let n = 0;
    for (const [topology, state] of cases) {
      for (const op of opsOf(topology, state)) {
        // As `plan check` reads it back: the plan's JSON, through the steps reader and the operation's schema.
        const json = JSON.parse(JSON.stringify({ steps: [{ command: null, op }] }));
        expect(() => parseStepsDocument(json, 'plan.json'), `${op.id} ${JSON.stringify(op.args)}`).not.toThrow();
        seen.add(op.id);
        n++;
      }
    }
    expect(n).toBeGreaterThan(1000);
    expect([...seen].sort()).toEqual(Object.keys(OPERATIONS).sort());
  });
});
