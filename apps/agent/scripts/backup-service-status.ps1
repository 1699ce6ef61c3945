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
# region lyncdr management shell module (the same block in every Lync bridge script: apps/agent/test/bridge-versions.test.ts)
# Lync Server 2013 ships its cmdlets in the module `Lync` (the Lync Server Management Shell); Skype for Business
# Server 2015 and 2019 ship them in `SkypeForBusiness` (the "Module Name" of docs-sfb/cmdlets/*.md). Whichever is
# installed is loaded. $csProduct (lync2013, sfb2015 or sfb2019) is the module's name for Lync, else the major part of
# the file version of the cmdlets' assembly (the server build, numbered as the version table of
# docs-en/cmdlets/Move-CsUser.md numbers them: 5.0.8308 Lync Server 2013, 6.0.9319 SfB Server 2015, 7.0.2046 SfB
# Server 2019), or of the module's version when the assembly is not found. With neither module the script prints a
# coded line on stderr and exits 3; the agent reports it as E_BRIDGE_NO_MODULE.
$csModule = Get-Module -ListAvailable -Name SkypeForBusiness, Lync | Sort-Object -Property Version -Descending | Select-Object -First 1
if (-not $csModule) {
  [Console]::Error.WriteLine('lyncdr:E_BRIDGE_NO_MODULE: neither the SkypeForBusiness module (Skype for Business Server 2015/2019) nor the Lync module (Lync Server 2013) is installed on this computer; install the Management Shell (administrative tools) here or run the agent on a server that has it')
  exit 3
}
Import-Module -ModuleInfo $csModule
$csMajor = $csModule.Version.Major
$csDll = (Get-Command -Module $csModule.Name -CommandType Cmdlet | Select-Object -First 1).DLL
if ($csDll) { $fileMajor = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($csDll).FileMajorPart }
if ($fileMajor -gt 0) { $csMajor = $fileMajor }
if ($csModule.Name -eq 'Lync') { $csProduct = 'lync2013' }
elseif ($csMajor -ge 7) { $csProduct = 'sfb2019' }
else { $csProduct = 'sfb2015' }
# endregion

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
