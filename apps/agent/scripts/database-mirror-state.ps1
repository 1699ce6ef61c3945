<#
  lyncdr bridge: Get-CsDatabaseMirrorState for one pool, printed as JSON.
  Cmdlet and parameters: docs-en/cmdlets/Get-CsDatabaseMirrorState.md and docs-sfb/cmdlets/Get-CsDatabaseMirrorState.md.
  -PoolFqdn and -DatabaseType apply to Lync Server 2013 and SfB Server 2015 only. The -DatabaseType values differ:
  Lync Server 2013 App|Archiving|CMS|Monitoring|Provision|User; SfB Server 2015 names App "Application" and CMS
  "CentralMgmt" (and adds others), so on 2015 the 2013 names App and CMS are passed as Application and CentralMgmt.
  The docs print MirroringStatusOnSecondary, scripts read MirroringStatusOnMirror (fixtures/cmdlet-output): both are
  read here and by the agent.
  SfB Server 2019: "SQL Mirroring can't be deployed with Skype for Business Server 2019"
  (docs-sfb/SfBServer2019/deprecated.md) and the page lists none of the parameters for 2019, so the cmdlet is not
  called: the script prints the same object with no databases and mirroring = "not-supported".
#>
param(
  [Parameter(Mandatory = $true)][string]$PoolFqdn,
  [string]$DatabaseType
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

$cmdletType = $DatabaseType
if ($csProduct -eq 'sfb2015') {
  if ($DatabaseType -eq 'App') { $cmdletType = 'Application' }
  elseif ($DatabaseType -eq 'CMS') { $cmdletType = 'CentralMgmt' }
}
$result = [ordered]@{
  poolFqdn       = $PoolFqdn
  databaseType   = $DatabaseType
  collectedAtUtc = (Get-Date).ToUniversalTime().ToString('o')
  product        = $csProduct
  databases      = @()
}
if ($csProduct -eq 'sfb2019') {
  $result.mirroring = 'not-supported'
  $result | ConvertTo-Json -Depth 4 -Compress
  exit 0
}

if ($cmdletType) { $states = @(Get-CsDatabaseMirrorState -PoolFqdn $PoolFqdn -DatabaseType $cmdletType) }
else { $states = @(Get-CsDatabaseMirrorState -PoolFqdn $PoolFqdn) }
$result.databases = @($states | ForEach-Object {
  $secondary = $_.MirroringStatusOnSecondary
  if ($null -eq $secondary) { $secondary = $_.MirroringStatusOnMirror }
  [ordered]@{
    databaseName             = [string]$_.DatabaseName
    stateOnPrimary           = [string]$_.StateOnPrimary
    stateOnMirror            = [string]$_.StateOnMirror
    mirroringStatusOnPrimary = [string]$_.MirroringStatusOnPrimary
    mirroringStatusOnMirror  = [string]$secondary
  }
})
$result | ConvertTo-Json -Depth 4 -Compress
