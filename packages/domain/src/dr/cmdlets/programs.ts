/**
 * Commands that are not Lync Server cmdlets but that Microsoft's procedures run, each with the page that uses it.
 * They have no cmdlet page, so their parameters are not checked. Anything else without a page is an unknown command.
 */
export const ALLOWED_PROGRAMS: Readonly<Record<string, string>> = {
  robocopy: 'lync-server-2013-backing-up-file-stores.md',
  xcopy: 'lync-server-2013-backup-prerequisites-for-abc-pool-failover.md',
  'bootstrapper.exe': 'lync-server-2013-front-end-pool-abc-failover-procedure.md',
  // PowerShell's own pipeline cmdlets, as the Lync pages use them with Lync cmdlets.
  'where-object': 'lync-server-2013-performing-and-monitoring-backups.md',
  'select-object': 'cmdlets/Get-CsService.md',
  'foreach-object': 'cmdlets/Set-CsSite.md',
  'format-list': 'cmdlets/Get-CsWindowsService.md',
};

/** The page that allows a program, or null when it is not on the list (matched on the name, case-insensitive). */
export function allowedProgram(command: string): string | null {
  return ALLOWED_PROGRAMS[command.toLowerCase()] ?? null;
}
