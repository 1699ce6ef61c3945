<#
  lyncdr bridge: Get-CsPoolBackupRelationship for one pool, printed as JSON.
  Cmdlet and parameters: docs-en/cmdlets/Get-CsPoolBackupRelationship.md (-PoolFqdn). The fields of the returned
  BackupRelation object are unconfirmed (REFERENCE §d.4, §i.1): every property is printed as text.
#>
param([Parameter(Mandatory = $true)][string]$PoolFqdn)
$ErrorActionPreference = 'Stop'
Import-Module Lync -ErrorAction SilentlyContinue
if (-not (Get-Command Get-CsPoolBackupRelationship -ErrorAction SilentlyContinue)) { Import-Module SkypeForBusiness }

$relations = @(Get-CsPoolBackupRelationship -PoolFqdn $PoolFqdn | ForEach-Object {
  $o = [ordered]@{}
  foreach ($p in $_.PSObject.Properties) { $o[$p.Name] = [string]$p.Value }
  $o
})
[ordered]@{
  poolFqdn       = $PoolFqdn
  collectedAtUtc = (Get-Date).ToUniversalTime().ToString('o')
  relationships  = $relations
} | ConvertTo-Json -Depth 4 -Compress
