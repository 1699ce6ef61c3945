/**
 * The commands of one PowerShell line and the -Parameter names they pass, for the cmdlet check (validate.ts). Unlike
 * parsePowerShell (which reads values for the replay), it looks at every statement of a line: pipeline and `;`
 * segments, `$x = …` assignments, script blocks and sub-expressions, and the call operator `& "…\program.exe"`.
 * Nothing inside a quoted string or a `<placeholder>` (a value a person fills in) is read as a command or parameter.
 */
export interface CommandUse {
  /** The cmdlet or program as written (for `& "path"`, the file name of the path). */
  command: string;
  /** -Parameter names as written, without the dash (`-Verbose:$true` gives `Verbose`). */
  params: string[];
}

/** PowerShell comparison and logical operators: they look like parameters but are not. */
const OPERATORS = new Set(['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'like', 'notlike', 'match', 'notmatch', 'and', 'or', 'not', 'contains', 'notcontains', 'in', 'notin', 'join', 'split', 'replace', 'is', 'isnot', 'f', 'ceq', 'ieq']);

const VERB_NOUN = /^[A-Za-z]+-[A-Za-z0-9]+$/;

/** Same length as the line: string contents and placeholders overwritten, so offsets still match the original. */
function blank(line: string): string {
  return line
    .replace(/"(?:`.|[^"`])*"|'[^']*'/g, (m) => m[0]! + 'S'.repeat(Math.max(0, m.length - 2)) + m[0]!)
    .replace(/<[^<>]*>/g, (m) => 'P'.repeat(m.length));
}

export function commandUses(line: string): CommandUse[] {
  const raw = line.trim();
  const src = blank(raw);
  if (src === '' || src.startsWith('#')) return [];
  const out: CommandUse[] = [];
  // Segments start at the line start or after | ; { ( } ). Inside { } and ( ) a bare word is a property name of a
  // filter (`-Filter {RegistrarPool -eq …}`), so there only Verb-Noun words count as commands.
  const seps = /[|;{}()]/g;
  let start = 0;
  let opener = '';
  for (;;) {
    const m = seps.exec(src);
    const end = m ? m.index : src.length;
    const use = segment(raw, src, start, end, opener);
    if (use) out.push(use);
    if (!m) break;
    opener = m[0];
    start = end + 1;
  }
  return out;
}

function segment(raw: string, src: string, start: number, end: number, opener: string): CommandUse | null {
  let at = start;
  const skipSpace = (): void => {
    while (at < end && /\s/.test(src[at]!)) at++;
  };
  skipSpace();
  const assign = /^\$[\w:]+\s*=\s*/.exec(src.slice(at, end));
  if (assign) at += assign[0].length;
  let call = false;
  if (src[at] === '&') {
    call = true;
    at++;
    skipSpace();
  }
  const seg = src.slice(at, end);
  if (seg === '') return null;
  let command: string;
  let rest: string;
  if (seg.startsWith('"') || seg.startsWith("'")) {
    if (!call) return null; // a string value, not a command
    const close = src.indexOf(seg[0]!, at + 1);
    const stop = close === -1 ? end : close;
    command = raw.slice(at + 1, stop).split(/[\\/]/).pop() ?? '';
    rest = src.slice(stop + 1, end);
  } else {
    if (seg.startsWith('$') || /^[\d@]/.test(seg) || seg.startsWith('-')) return null;
    const words = seg.split(/\s+/);
    command = words[0]!;
    rest = words.slice(1).join(' ');
    if (['{', '(', '}', ')'].includes(opener) && !VERB_NOUN.test(command)) return null;
  }
  const params = rest
    .split(/\s+/)
    .filter((w) => /^-[A-Za-z]\w*(:.*)?$/.test(w))
    .map((w) => w.slice(1).replace(/:.*$/, ''))
    .filter((p) => !OPERATORS.has(p.toLowerCase()));
  return { command, params };
}
