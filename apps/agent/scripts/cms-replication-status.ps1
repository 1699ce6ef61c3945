<#
  lyncdr bridge: Get-CsManagementStoreReplicationStatus, printed as JSON.
  Cmdlet and properties: docs-en/cmdlets/Get-CsManagementStoreReplicationStatus.md (ReplicaFqdn, UpToDate,
  LastUpdateCreation; -CentralManagementStoreStatus for the Active Master and File Transfer Agent).
  Dates are printed as ISO 8601 UTC text.
#>
param([switch]$CentralManagementStoreStatus)
$ErrorActionPreference = 'Stop'
Import-Module Lync -ErrorAction SilentlyContinue
if (-not (Get-Command Get-CsManagementStoreReplicationStatus -ErrorAction SilentlyContinue)) { Import-Module SkypeForBusiness }

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
  replicas       = $replicas
}
if ($CentralManagementStoreStatus) {
  $cms = Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus
  $o = [ordered]@{}
  foreach ($p in $cms.PSObject.Properties) { $o[$p.Name] = [string]$p.Value }
  $result.centralManagementStoreStatus = $o
}
$result | ConvertTo-Json -Depth 4 -Compress
