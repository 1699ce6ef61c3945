<#
  lyncdr bridge: Get-CsBackupServiceStatus for one pool, printed as JSON.
  Cmdlet and parameters: docs-en/cmdlets/Get-CsBackupServiceStatus.md (Lync Server 2013) and
  docs-sfb/cmdlets/Get-CsBackupServiceStatus.md (SfB Server 2015 and 2019): -PoolFqdn, -Category on all three. The
  BackupModules collection (Identity, ExportStatus, ImportStatus) is from the jenstr blog (REFERENCE §d.4); SfB Server
  2019 adds the modules ApplicationServer.RGSDataStore and ApplicationServer.RGSFileStore when the Response Group
  backup is on (docs-sfb/SfBServer2019/backup-rgs-data.md). The top-level property names are unconfirmed
  (REFERENCE §i.1), so every top-level property is printed as text for the agent to inspect. Enum values are converted
  to strings (Windows PowerShell 5 ConvertTo-Json would print them as numbers). Same JSON on the three versions.
#>
param(
  [Parameter(Mandatory = $true)][string]$PoolFqdn,
  [string]$Category
)
$ErrorActionPreference = 'Stop'
# The management shell module of this server and $csProduct (lync-shell.ps1; its exit 3 ends this script too).
. (Join-Path $PSScriptRoot 'lync-shell.ps1')

if ($Category) { $status = Get-CsBackupServiceStatus -PoolFqdn $PoolFqdn -Category $Category }
else { $status = Get-CsBackupServiceStatus -PoolFqdn $PoolFqdn }

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
  product             = $csProduct
  OverallExportStatus = $top['OverallExportStatus']
  OverallImportStatus = $top['OverallImportStatus']
  properties          = $top
  backupModules       = $modules
} | ConvertTo-Json -Depth 5 -Compress
