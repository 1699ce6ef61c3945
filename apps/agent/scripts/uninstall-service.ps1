<#
.SYNOPSIS
  Stops and removes the lyncdr agent service. Keeps the data folder (config, token, outbox, logs) unless -RemoveData.

.DESCRIPTION
  Reports still in the outbox are not delivered once the service is gone: check `lyncdr-agent.exe test-connection`
  and an empty outbox folder first when the planner should have everything.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  [string]$InstallDir = (Split-Path -Parent $PSScriptRoot),
  [string]$DataDir = (Join-Path $env:ProgramData 'lyncdr'),
  [string]$ServiceName = 'lyncdr-agent',
  [switch]$RemoveData
)
$ErrorActionPreference = 'Stop'
$wrapper = Join-Path $InstallDir 'lyncdr-agent-service.exe'
if ($PSCmdlet.ShouldProcess($ServiceName, 'stop and uninstall service')) {
  if (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue) {
    Stop-Service -Name $ServiceName -ErrorAction SilentlyContinue
    & $wrapper uninstall
    if ($LASTEXITCODE -ne 0) { & sc.exe delete $ServiceName | Out-Null }
  }
  $pending = @(Get-ChildItem -Path (Join-Path $DataDir 'outbox') -Filter '*.json' -ErrorAction SilentlyContinue).Count
  if ($pending -gt 0) { Write-Warning "$pending report(s) were still in $DataDir\outbox and were not delivered" }
  if ($RemoveData) { Remove-Item -Recurse -Force -Path $DataDir }
}
