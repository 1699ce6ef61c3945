/**
 * A small reader for one PowerShell command line as plans print them: `Cmdlet -Param value -Switch | Cmdlet2 …`.
 * Handles quotes, {script blocks}, <placeholders>, `-Param:value`, and pipelines. Parameter names are case-insensitive,
 * as in PowerShell; they are returned lower-cased.
 */
export interface PsCommand {
  /** Cmdlet or program name as written. */
  name: string;
  /** Lower-cased parameter name → value (true for a switch). */
  params: Record<string, string | true>;
  positional: string[];
}

function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let cur = '';
  let i = 0;
  const flush = (): void => {
    if (cur !== '') tokens.push(cur);
    cur = '';
  };
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === '"' || ch === "'") {
      const end = line.indexOf(ch, i + 1);
      const stop = end === -1 ? line.length : end;
      cur += line.slice(i + 1, stop);
      i = stop + 1;
      if (cur === '') cur = '\u0000';
      continue;
    }
    if (ch === '{' || ch === '<') {
      const close = ch === '{' ? '}' : '>';
      let depth = 0;
      let j = i;
      for (; j < line.length; j++) {
        if (line[j] === ch) depth++;
        else if (line[j] === close && --depth === 0) break;
      }
      cur += line.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '|' || ch === ';') {
      flush();
      tokens.push('|');
      i++;
      continue;
    }
    if (/\s/.test(ch)) {
      flush();
      i++;
      continue;
    }
    cur += ch;
    i++;
  }
  flush();
  return tokens.map((t) => (t === '\u0000' ? '' : t));
}

/** Splits a line into the commands of its pipeline (and `;`-separated statements), in order. */
export function parsePowerShell(line: string): PsCommand[] {
  const out: PsCommand[] = [];
  let tokens: string[] = [];
  const finish = (): void => {
    const [first, ...rest] = tokens;
    tokens = [];
    if (first === undefined) return;
    let name = first;
    let args = rest;
    if (name === '&' && rest[0] !== undefined) {
      name = rest[0];
      args = rest.slice(1);
    }
    const cmd: PsCommand = { name, params: {}, positional: [] };
    for (let i = 0; i < args.length; i++) {
      const tok = args[i] as string;
      const m = /^-([A-Za-z][\w]*)(?::(.*))?$/.exec(tok);
      if (m) {
        const key = (m[1] as string).toLowerCase();
        if (m[2] !== undefined) {
          cmd.params[key] = m[2];
          continue;
        }
        const next = args[i + 1];
        if (next !== undefined && !/^-[A-Za-z]/.test(next)) {
          cmd.params[key] = next;
          i++;
        } else {
          cmd.params[key] = true;
        }
      } else {
        cmd.positional.push(tok);
      }
    }
    out.push(cmd);
  };
  for (const tok of tokenize(line)) {
    if (tok === '|') finish();
    else tokens.push(tok);
  }
  finish();
  return out;
}

/** A parameter value as a string ('' when absent or a switch). */
export function param(cmd: PsCommand, name: string): string {
  const v = cmd.params[name.toLowerCase()];
  return typeof v === 'string' ? v : '';
}

export function hasSwitch(cmd: PsCommand, name: string): boolean {
  const v = cmd.params[name.toLowerCase()];
  return v === true || (typeof v === 'string' && /^\$?true$/i.test(v));
}
