<#
.SYNOPSIS
  Installs lyncdr-agent.exe (from the unpacked Windows zip) as a Windows service under a least-privilege account.

.DESCRIPTION
  Run it from an elevated PowerShell in the folder the zip was unpacked to (by default that folder is the install
  folder). The agent is one executable, lyncdr-agent.exe; the Windows service is hosted by the bundled service wrapper
  lyncdr-agent-service.exe (WinSW), which restarts the agent when it fails. The script:
    1. creates the data folder (outbox, logs) and gives the service account Modify on it and nothing else
       (inheritance removed: SYSTEM, Administrators and the account only);
    2. gives the service account Read & Execute on the install folder;
    3. writes lyncdr-agent-service.xml beside the wrapper (lyncdr-agent.exe start --config <Config>), with
       <allowservicelogon> so the wrapper grants "Log on as a service" to that account only;
    4. installs the service, sets delayed automatic start and restart-on-failure, and starts it.
  The account needs no local Administrators membership. The Lync cmdlets the agent reads with are not RBAC-enabled
  and need RTCUniversalServerAdmins membership (REFERENCE §a.3, lync-server-2013-backup-and-restoration-requirements-
  tools-and-permissions.md); the agent only ever runs Get-Cs* cmdlets. Give the account Read (share and NTFS) on the
  file store and on the backup folders, and nothing more.

.EXAMPLE
  .\scripts\install-service.ps1 -Account 'CONTOSO\svc-lyncdr$'
  (a group managed service account: no password), or -Account 'CONTOSO\svc-lyncdr' to be prompted for its password.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  [Parameter(Mandatory = $true)][string]$Account,
  [string]$InstallDir = (Split-Path -Parent $PSScriptRoot),
  [string]$DataDir = (Join-Path $env:ProgramData 'lyncdr'),
  [string]$Config = (Join-Path $DataDir 'agent.yaml'),
  [string]$ServiceName = 'lyncdr-agent'
)
$ErrorActionPreference = 'Stop'

$agentExe = Join-Path $InstallDir 'lyncdr-agent.exe'
$wrapper = Join-Path $InstallDir 'lyncdr-agent-service.exe'
if (-not (Test-Path $agentExe)) { throw "$agentExe not found: unpack the lyncdr agent zip into $InstallDir first" }
if (-not (Test-Path $wrapper)) { throw "$wrapper not found: unpack the whole lyncdr agent zip into $InstallDir" }
if (-not (Test-Path $Config)) { throw "agent config $Config not found: write it first with lyncdr-agent.exe init (docs/agent.md)" }

# 1. Data folder: Modify for the service account, inheritance off, only SYSTEM, Administrators and the account.
New-Item -ItemType Directory -Force -Path (Join-Path $DataDir 'outbox'), (Join-Path $DataDir 'logs') | Out-Null
& icacls.exe $DataDir /inheritance:r /grant:r 'SYSTEM:(OI)(CI)F' 'BUILTIN\Administrators:(OI)(CI)F' "${Account}:(OI)(CI)M" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed on $DataDir" }

# 2. Install folder: read and execute only.
& icacls.exe $InstallDir /grant "${Account}:(OI)(CI)RX" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed on $InstallDir" }

# 3. Wrapper configuration (WinSW reads <wrapper name>.xml beside it).
$domain, $user = if ($Account.Contains('\')) { $Account.Split('\', 2) } else { '.', $Account }
$isGmsa = $user.EndsWith('$')
$passwordXml = ''
if (-not $isGmsa) {
  $cred = Get-Credential -UserName $Account -Message "Password of $Account (the lyncdr agent service account)"
  $passwordXml = "<password>$([System.Security.SecurityElement]::Escape($cred.GetNetworkCredential().Password))</password>"
}
$esc = { param($s) [System.Security.SecurityElement]::Escape($s) }
$xml = @"
<service>
  <id>$(& $esc $ServiceName)</id>
  <name>lyncdr agent</name>
  <description>lyncdr: checks Lync Server backups and reports to the planner.</description>
  <executable>$(& $esc $agentExe)</executable>
  <arguments>start --config "$(& $esc $Config)"</arguments>
  <workingdirectory>$(& $esc $DataDir)</workingdirectory>
  <stoptimeout>30 sec</stoptimeout>
  <onfailure action="restart" delay="30 sec"/>
  <onfailure action="restart" delay="2 min"/>
  <resetfailure>1 hour</resetfailure>
  <logpath>$(& $esc (Join-Path $DataDir 'logs'))</logpath>
  <log mode="roll-by-size"><sizeThreshold>10240</sizeThreshold><keepFiles>8</keepFiles></log>
  <serviceaccount>
    <domain>$(& $esc $domain)</domain>
    <user>$(& $esc $user)</user>
    $passwordXml
    <allowservicelogon>true</allowservicelogon>
  </serviceaccount>
</service>
"@
$xmlPath = Join-Path $InstallDir 'lyncdr-agent-service.xml'
Set-Content -Path $xmlPath -Value $xml -Encoding UTF8
# The XML may hold a password: readable by SYSTEM and Administrators only.
& icacls.exe $xmlPath /inheritance:r /grant:r 'SYSTEM:F' 'BUILTIN\Administrators:F' | Out-Null

# 4. Install, delayed automatic start, restart on failure (also set through the SCM), start.
if ($PSCmdlet.ShouldProcess($ServiceName, 'install service')) {
  & $wrapper install
  if ($LASTEXITCODE -ne 0) { throw "service wrapper install failed ($LASTEXITCODE)" }
  & sc.exe config $ServiceName start= delayed-auto | Out-Null
  & sc.exe failure $ServiceName reset= 3600 actions= restart/30000/restart/120000/restart/120000 | Out-Null
  Start-Service -Name $ServiceName
  Get-Service -Name $ServiceName | Select-Object Name, Status, StartType
}
