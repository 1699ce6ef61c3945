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
# The management shell module of this server and $csProduct (lync-shell.ps1; its exit 3 ends this script too).
. (Join-Path $PSScriptRoot 'lync-shell.ps1')

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
