/** Named script arguments turned into PowerShell `-File` arguments: `-Name value`, or `-Name` alone for a true switch. */
export type ScriptArgs = Record<string, string | number | boolean | string[]>;

export function toPowerShellArgs(args: ScriptArgs): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(args)) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`script parameter name ${JSON.stringify(name)} is not a PowerShell parameter name`);
    if (value === false) continue;
    if (value === true) {
      out.push(`-${name}`);
      continue;
    }
    out.push(`-${name}`, Array.isArray(value) ? value.join(',') : String(value));
  }
  return out;
}
