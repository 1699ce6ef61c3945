<#
  lyncdr bridge: Get-CsDatabaseMirrorState for one pool, printed as JSON.
  Cmdlet and parameters: docs-en/cmdlets/Get-CsDatabaseMirrorState.md (-PoolFqdn, -DatabaseType App|Archiving|CMS|
  Monitoring|Provision|User on Lync Server 2013). The docs print MirroringStatusOnSecondary, scripts read
  MirroringStatusOnMirror (fixtures/cmdlet-output): both are read here and by the agent.
#>
param(
  [Parameter(Mandatory = $true)][string]$PoolFqdn,
  [string]$DatabaseType
)
$ErrorActionPreference = 'Stop'
Import-Module Lync -ErrorAction SilentlyContinue
if (-not (Get-Command Get-CsDatabaseMirrorState -ErrorAction SilentlyContinue)) { Import-Module SkypeForBusiness }

$params = @{ PoolFqdn = $PoolFqdn }
if ($DatabaseType) { $params.DatabaseType = $DatabaseType }
$rows = @(Get-CsDatabaseMirrorState @params | ForEach-Object {
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
[ordered]@{
  poolFqdn       = $PoolFqdn
  databaseType   = $DatabaseType
  collectedAtUtc = (Get-Date).ToUniversalTime().ToString('o')
  databases      = $rows
} | ConvertTo-Json -Depth 4 -Compress
