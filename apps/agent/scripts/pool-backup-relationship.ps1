<#
  lyncdr bridge: Get-CsPoolBackupRelationship for one pool, printed as JSON.
  Cmdlet and parameters: docs-en/cmdlets/Get-CsPoolBackupRelationship.md (Lync Server 2013) and
  docs-sfb/cmdlets/Get-CsPoolBackupRelationship.md (SfB Server 2015 and 2019): -PoolFqdn on all three. The fields of
  the returned BackupRelation object are unconfirmed (REFERENCE §d.4, §i.1): every property is printed as text.
  Same JSON on the three versions.
#>
param([Parameter(Mandatory = $true)][string]$PoolFqdn)
$ErrorActionPreference = 'Stop'
# The management shell module of this server and $csProduct (lync-shell.ps1; its exit 3 ends this script too).
. (Join-Path $PSScriptRoot 'lync-shell.ps1')

$relations = @(Get-CsPoolBackupRelationship -PoolFqdn $PoolFqdn | ForEach-Object {
  $o = [ordered]@{}
  foreach ($p in $_.PSObject.Properties) { $o[$p.Name] = [string]$p.Value }
  $o
})
[ordered]@{
  poolFqdn       = $PoolFqdn
  collectedAtUtc = (Get-Date).ToUniversalTime().ToString('o')
  product        = $csProduct
  relationships  = $relations
} | ConvertTo-Json -Depth 4 -Compress
