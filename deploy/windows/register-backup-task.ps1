<#
.SYNOPSIS
  Registers a scheduled task that backs the lyncdr planner's database up every night (lyncdr db backup).

.DESCRIPTION
  `lyncdr db backup` copies the live database with SQLite's online backup API (safe while the planner runs) and checks
  that the copy opens and holds the data. The task runs at 03:15 as the planner's service account, writes
  planner-<yyyyMMddTHHmm>.sqlite into -BackupDir and removes copies older than -KeepDays. Run it elevated.

.EXAMPLE
  .\deploy\windows\register-backup-task.ps1 -Account 'CONTOSO\svc-lyncdr-planner$' -BackupDir 'D:\Backups\lyncdr'
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  [Parameter(Mandatory = $true)][string]$Account,
  [string]$InstallDir = (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)),
  [string]$Config = (Join-Path (Join-Path $env:ProgramData 'lyncdr-planner') 'planner.yaml'),
  [string]$BackupDir = (Join-Path (Join-Path $env:ProgramData 'lyncdr-planner') 'backups'),
  [int]$KeepDays = 30,
  [string]$Node = (Get-Command node.exe -ErrorAction SilentlyContinue).Source,
  [string]$TaskName = 'lyncdr planner database backup'
)
$ErrorActionPreference = 'Stop'
$cli = Join-Path $InstallDir 'apps\planner\dist\cli\main.js'
if (-not $Node -or -not (Test-Path $cli)) { throw "node.exe or $cli not found: install Node.js 20 and build lyncdr first" }
New-Item -ItemType Directory -Force -Path $BackupDir | Out-Null
& icacls.exe $BackupDir /grant "${Account}:(OI)(CI)M" | Out-Null

# One line of PowerShell: the dated copy, then the old ones removed. A failed copy makes the task's result non-zero.
$command = "& '$Node' '$cli' db backup --config '$Config' (Join-Path '$BackupDir' ('planner-' + (Get-Date).ToUniversalTime().ToString('yyyyMMddTHHmm') + 'Z.sqlite')); " +
  "if (`$LASTEXITCODE -ne 0) { exit `$LASTEXITCODE }; " +
  "Get-ChildItem '$BackupDir' -Filter 'planner-*.sqlite' | Where-Object LastWriteTime -lt (Get-Date).AddDays(-$KeepDays) | Remove-Item"
$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument "-NoProfile -NonInteractive -Command `"$command`""
$trigger = New-ScheduledTaskTrigger -Daily -At '03:15'
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -ExecutionTimeLimit (New-TimeSpan -Hours 1)
if ($PSCmdlet.ShouldProcess($TaskName, 'register scheduled task')) {
  if ($Account.EndsWith('$')) {
    # A group managed service account: Windows fetches its password (LogonType Password with no password given).
    $principal = New-ScheduledTaskPrincipal -UserId $Account -LogonType Password
    Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Settings $settings -Principal $principal -Force
  } else {
    $cred = Get-Credential -UserName $Account -Message "Password of $Account (runs the backup task)"
    Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Settings $settings -User $Account -Password $cred.GetNetworkCredential().Password -Force
  }
}
