/**
 * Checks the commands of a PowerShell line against the cmdlet reference of a product version: each command must be
 * a cmdlet whose page applies to that version, or a program on the allowed list (programs.ts); each -Parameter must be
 * one its page lists for that version (or a common parameter). A problem names the command or parameter and the
 * closest valid name.
 */
import { closest } from './closest';
import { commandUses } from './command-uses';
import { erratumOf } from './errata';
import { LYNC2013_CMDLETS } from './index-2013';
import { SFB2015_CMDLETS } from './index-2015';
import { SFB2019_CMDLETS } from './index-2019';
import { allowedProgram } from './programs';
import type { CmdletEntry, CmdletSet } from './types';

/** The cmdlet sets, keyed by product version (the keys of the topology's product versions, docs/topology.md). */
export const CMDLET_SETS = {
  lync2013: LYNC2013_CMDLETS,
  sfb2015: SFB2015_CMDLETS,
  sfb2019: SFB2019_CMDLETS,
} as const satisfies Record<string, CmdletSet>;
export type ProductVersion = keyof typeof CMDLET_SETS;

export type CommandRule = 'unknown-cmdlet' | 'cmdlet-not-in-version' | 'unknown-parameter' | 'parameter-not-in-version' | 'erratum-parameter';

export interface CommandProblem {
  rule: CommandRule;
  command: string;
  /** The parameter at fault (without the dash), for parameter rules. */
  parameter: string | null;
  /** The closest valid cmdlet or parameter name, when there is one. */
  suggestion: string | null;
  message: string;
  /** Reference page (file name under shared/reference/docs-en) that decides. */
  ref: string;
}

interface Lookup {
  set: CmdletSet;
  byName: Map<string, [string, CmdletEntry]>;
  elsewhere: Map<string, [string, string]>;
}

const lookups = new Map<ProductVersion, Lookup>();

function lookup(version: ProductVersion): Lookup {
  let l = lookups.get(version);
  if (!l) {
    const set: CmdletSet = CMDLET_SETS[version];
    l = {
      set,
      byName: new Map(Object.entries(set.cmdlets).map(([k, v]) => [k.toLowerCase(), [k, v]])),
      elsewhere: new Map(Object.entries(set.elsewhere).map(([k, v]) => [k.toLowerCase(), [k, v]])),
    };
    lookups.set(version, l);
  }
  return l;
}

function cmdletProblem(l: Lookup, command: string): CommandProblem {
  const other = l.elsewhere.get(command.toLowerCase());
  if (other) {
    return { rule: 'cmdlet-not-in-version', command, parameter: null, suggestion: null, message: `${other[0]} does not exist in ${l.set.product} (its page applies to ${other[1]})`, ref: `cmdlets/${other[0]}.md` };
  }
  const near = closest(command, Object.keys(l.set.cmdlets));
  return {
    rule: 'unknown-cmdlet',
    command,
    parameter: null,
    suggestion: near,
    message: `${command} is not a ${l.set.product} cmdlet (no page in ${l.set.source})${near ? `; closest: ${near}` : ''}`,
    ref: near ? `cmdlets/${near}.md` : 'cmdlets',
  };
}

function parameterProblem(l: Lookup, name: string, entry: CmdletEntry, p: string): CommandProblem | null {
  const key = p.toLowerCase();
  if (entry.params.some((x) => x.toLowerCase() === key)) return null;
  if (entry.common && l.set.commonParameters.some((x) => x.toLowerCase() === key)) return null;
  const ref = `cmdlets/${name}.md`;
  const erratum = erratumOf(name, p);
  if (erratum) return { rule: 'erratum-parameter', command: name, parameter: p, suggestion: null, message: erratum.message, ref: erratum.ref };
  const other = Object.entries(entry.otherParams ?? {}).find(([x]) => x.toLowerCase() === key);
  if (other) {
    return { rule: 'parameter-not-in-version', command: name, parameter: other[0], suggestion: null, message: `${name} -${other[0]} does not exist in ${l.set.product} (it applies to ${other[1]})`, ref };
  }
  const near = closest(p, [...entry.params, ...(entry.common ? l.set.commonParameters : [])]);
  return { rule: 'unknown-parameter', command: name, parameter: p, suggestion: near, message: `${name} has no parameter -${p}${near ? `; closest: -${near}` : ''}`, ref };
}

/** Every problem of one PowerShell line (empty when every command and parameter is documented for the version). */
export function commandProblems(line: string, version: ProductVersion = 'lync2013'): CommandProblem[] {
  const l = lookup(version);
  const problems: CommandProblem[] = [];
  for (const use of commandUses(line)) {
    if (allowedProgram(use.command)) continue;
    const hit = l.byName.get(use.command.toLowerCase());
    if (!hit) {
      problems.push(cmdletProblem(l, use.command));
      continue;
    }
    const [name, entry] = hit;
    for (const param of use.params) {
      const p = parameterProblem(l, name, entry, param);
      if (p) problems.push(p);
    }
  }
  return problems;
}
