<#
.SYNOPSIS
  Prints, as JSON, the msdb backup history of the Lync Server databases on one SQL Server instance.

.DESCRIPTION
  Reads msdb.dbo.backupset joined to msdb.dbo.backupmediafamily (one row per media family, i.e. per stripe file)
  for the Lync Server 2013 databases (lync-server-2013-backup-and-restoration-requirements-data.md lists them:
  xds, lis, rtcxds, rtcshared, rtcab, rgsconfig, rgsdyn, cpsdyn, LcsLog, LcsCDR, QoEMetrics, mgc, mgccomp) over the
  last -Days days: type, start and finish time (server local time plus backupset.time_zone in 15-minute units),
  LSNs as text (numeric(25,0) does not fit a JSON number), sizes, BackupSetGUID, differential base, copy-only and
  checksum flags, and the device path of every stripe. Read-only: it runs one SELECT. Needs VIEW permission on msdb
  (a member of the public role of msdb can read backupset).

.PARAMETER SqlInstance
  The SQL Server instance, e.g. SQLBE01.contoso.com\RTC or SQLMON01 (default instance).

.PARAMETER Databases
  Comma-separated database names; by default the Lync Server databases above.

.PARAMETER Days
  How many days of history to print (default 14).
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory = $true)][string]$SqlInstance,
  [string]$Databases = 'xds,lis,rtcxds,rtcshared,rtcab,rgsconfig,rgsdyn,cpsdyn,LcsLog,LcsCDR,QoEMetrics,mgc,mgccomp',
  [ValidateRange(1, 3650)][int]$Days = 14,
  [ValidateRange(1, 100000)][int]$MaxRows = 20000
)
$ErrorActionPreference = 'Stop'

$names = @($Databases -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ -ne '' })
if ($names.Count -eq 0) { throw 'sql-history.ps1: -Databases is empty; give at least one database name' }

$inList = @()
for ($i = 0; $i -lt $names.Count; $i++) { $inList += "@d$i" }

$query = @"
SELECT TOP (@maxRows)
  bs.server_name, bs.database_name, bs.type,
  CONVERT(varchar(19), bs.backup_start_date, 126)  AS start_local,
  CONVERT(varchar(19), bs.backup_finish_date, 126) AS finish_local,
  bs.time_zone,
  CAST(bs.first_lsn AS varchar(30))             AS first_lsn,
  CAST(bs.last_lsn AS varchar(30))              AS last_lsn,
  CAST(bs.checkpoint_lsn AS varchar(30))        AS checkpoint_lsn,
  CAST(bs.database_backup_lsn AS varchar(30))   AS database_backup_lsn,
  CAST(bs.differential_base_lsn AS varchar(30)) AS differential_base_lsn,
  CONVERT(varchar(36), bs.backup_set_uuid)        AS backup_set_uuid,
  CONVERT(varchar(36), bs.differential_base_guid) AS differential_base_guid,
  CAST(bs.backup_size AS bigint)            AS backup_size,
  CAST(bs.compressed_backup_size AS bigint) AS compressed_backup_size,
  bs.is_copy_only, bs.has_backup_checksums, bs.recovery_model,
  bmf.physical_device_name, bmf.family_sequence_number, bs.media_set_id
FROM msdb.dbo.backupset AS bs
JOIN msdb.dbo.backupmediafamily AS bmf ON bmf.media_set_id = bs.media_set_id
WHERE bs.database_name IN ($($inList -join ', '))
  AND bs.backup_start_date >= DATEADD(day, -@days, GETDATE())
ORDER BY bs.database_name, bs.backup_start_date, bmf.family_sequence_number
"@

$connection = New-Object System.Data.SqlClient.SqlConnection
$connection.ConnectionString = "Server=$SqlInstance;Database=msdb;Integrated Security=SSPI;Application Name=lyncdr-agent;Connect Timeout=15"
$rows = New-Object System.Collections.Generic.List[object]
try {
  $connection.Open()
  $command = $connection.CreateCommand()
  $command.CommandText = $query
  $command.CommandTimeout = 120
  [void]$command.Parameters.AddWithValue('@maxRows', $MaxRows)
  [void]$command.Parameters.AddWithValue('@days', $Days)
  for ($i = 0; $i -lt $names.Count; $i++) { [void]$command.Parameters.AddWithValue("@d$i", $names[$i]) }
  $reader = $command.ExecuteReader()
  $text = { param($v) if ($v -is [System.DBNull]) { $null } else { [string]$v } }
  $number = { param($v) if ($v -is [System.DBNull]) { $null } else { [int64]$v } }
  $flag = { param($v) if ($v -is [System.DBNull]) { $null } else { [bool]$v } }
  while ($reader.Read()) {
    $rows.Add([pscustomobject]@{
      server               = & $text $reader['server_name']
      database             = & $text $reader['database_name']
      type                 = & $text $reader['type']
      startLocal           = & $text $reader['start_local']
      finishLocal          = & $text $reader['finish_local']
      timeZone             = & $number $reader['time_zone']
      firstLsn             = & $text $reader['first_lsn']
      lastLsn              = & $text $reader['last_lsn']
      checkpointLsn        = & $text $reader['checkpoint_lsn']
      databaseBackupLsn    = & $text $reader['database_backup_lsn']
      differentialBaseLsn  = & $text $reader['differential_base_lsn']
      backupSetGuid        = & $text $reader['backup_set_uuid']
      differentialBaseGuid = & $text $reader['differential_base_guid']
      size                 = & $number $reader['backup_size']
      compressedSize       = & $number $reader['compressed_backup_size']
      copyOnly             = & $flag $reader['is_copy_only']
      hasChecksums         = & $flag $reader['has_backup_checksums']
      recoveryModel        = & $text $reader['recovery_model']
      device               = & $text $reader['physical_device_name']
      familySequence       = & $number $reader['family_sequence_number']
      mediaSetId           = & $number $reader['media_set_id']
    })
  }
  $reader.Close()
}
finally {
  $connection.Dispose()
}

ConvertTo-Json -Depth 4 -Compress -InputObject ([pscustomobject]@{
  instance    = $SqlInstance
  collectedAt = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
  days        = $Days
  truncated   = ($rows.Count -ge $MaxRows)
  backups     = @($rows.ToArray())
})
