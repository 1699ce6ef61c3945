<#
  lyncdr bridge: Get-CsManagementStoreReplicationStatus, printed as JSON.
  Cmdlet and properties: docs-en/cmdlets/Get-CsManagementStoreReplicationStatus.md (Lync Server 2013) and
  docs-sfb/cmdlets/Get-CsManagementStoreReplicationStatus.md (SfB Server 2015 and 2019): ReplicaState objects
  (ReplicaFqdn, UpToDate, LastUpdateCreation); -CentralManagementStoreStatus for the Active Master and File Transfer
  Agent. Same parameters and JSON on the three versions; ProductVersion tells the replicas' versions apart.
  Dates are printed as ISO 8601 UTC text.
#>
param([switch]$CentralManagementStoreStatus)
$ErrorActionPreference = 'Stop'
# The management shell module of this server and $csProduct (lync-shell.ps1; its exit 3 ends this script too).
. (Join-Path $PSScriptRoot 'lync-shell.ps1')

function IsoOrNull($d) { if ($d) { ([datetime]$d).ToUniversalTime().ToString('o') } else { $null } }

$replicas = @(Get-CsManagementStoreReplicationStatus | ForEach-Object {
  [ordered]@{
    replicaFqdn        = [string]$_.ReplicaFqdn
    upToDate           = [bool]$_.UpToDate
    lastStatusReport   = IsoOrNull $_.LastStatusReport
    lastUpdateCreation = IsoOrNull $_.LastUpdateCreation
    productVersion     = [string]$_.ProductVersion
  }
})
$result = [ordered]@{
  collectedAtUtc = (Get-Date).ToUniversalTime().ToString('o')
  product        = $csProduct
  replicas       = $replicas
}
if ($CentralManagementStoreStatus) {
  $cms = Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus
  $o = [ordered]@{}
  foreach ($p in $cms.PSObject.Properties) { $o[$p.Name] = [string]$p.Value }
  $result.centralManagementStoreStatus = $o
}
$result | ConvertTo-Json -Depth 4 -Compress
