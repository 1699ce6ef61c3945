<#
  lyncdr bridge: Get-CsBackupServiceStatus for one pool, printed as JSON.
  Cmdlet and parameters: docs-en/cmdlets/Get-CsBackupServiceStatus.md (-PoolFqdn, -Category). The BackupModules
  collection (Identity, ExportStatus, ImportStatus) is from the jenstr blog (REFERENCE §d.4). The top-level property
  names are unconfirmed (REFERENCE §i.1), so every top-level property is printed as text for the agent to inspect.
  Enum values are converted to strings (Windows PowerShell 5 ConvertTo-Json would print them as numbers).
#>
param(
  [Parameter(Mandatory = $true)][string]$PoolFqdn,
  [string]$Category
)
$ErrorActionPreference = 'Stop'
Import-Module Lync -ErrorAction SilentlyContinue
if (-not (Get-Command Get-CsBackupServiceStatus -ErrorAction SilentlyContinue)) { Import-Module SkypeForBusiness }

$params = @{ PoolFqdn = $PoolFqdn }
if ($Category) { $params.Category = $Category }
$status = Get-CsBackupServiceStatus @params

$top = [ordered]@{}
foreach ($p in $status.PSObject.Properties) {
  if ($p.Name -ne 'BackupModules') { $top[$p.Name] = [string]$p.Value }
}
$modules = @($status.BackupModules | ForEach-Object {
  [ordered]@{
    identity     = [string]$_.Identity
    exportStatus = [string]$_.ExportStatus
    importStatus = [string]$_.ImportStatus
  }
})
[ordered]@{
  poolFqdn            = $PoolFqdn
  collectedAtUtc      = (Get-Date).ToUniversalTime().ToString('o')
  OverallExportStatus = $top['OverallExportStatus']
  OverallImportStatus = $top['OverallImportStatus']
  properties          = $top
  backupModules       = $modules
} | ConvertTo-Json -Depth 5 -Compress
