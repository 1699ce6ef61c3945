<#
.SYNOPSIS
  Installs the lyncdr agent as a Windows service running under a least-privilege account.

.DESCRIPTION
  Node.js is not a Windows service binary, so the service is hosted by a service wrapper (WinSW, an open-source
  single executable; pass its path with -WrapperExe). The script:
    1. creates the data folder (outbox, logs) and gives the service account Modify on it and nothing else;
    2. gives the service account Read & Execute on the install folder;
    3. writes the wrapper's XML (node.exe <InstallDir>\dist\main.js start --config <Config>), with
       <allowservicelogon> so the wrapper grants "Log on as a service" to that account only;
    4. installs the service with delayed automatic start and restart-on-failure.
  The account needs no local Administrators membership. The Lync cmdlets the agent reads with are not RBAC-enabled
  and need RTCUniversalServerAdmins membership (REFERENCE §a.3, lync-server-2013-backup-and-restoration-requirements-
  tools-and-permissions.md); the agent only ever runs Get-Cs* cmdlets. Give the account Read (share and NTFS) on the
  file store and on the backup folders, and nothing more.

.EXAMPLE
  .\install-service.ps1 -InstallDir 'C:\Program Files\lyncdr-agent' -DataDir 'C:\ProgramData\lyncdr' `
      -Account 'CONTOSO\svc-lyncdr$' -WrapperExe 'C:\Tools\WinSW-x64.exe'
  (a group managed service account, no password), or -Account 'CONTOSO\svc-lyncdr' to be prompted for its password.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  [Parameter(Mandatory = $true)][string]$InstallDir,
  [Parameter(Mandatory = $true)][string]$DataDir,
  [Parameter(Mandatory = $true)][string]$Account,
  [Parameter(Mandatory = $true)][string]$WrapperExe,
  [string]$NodeExe = (Get-Command node.exe -ErrorAction Stop).Source,
  [string]$Config = (Join-Path $DataDir 'agent.yaml'),
  [string]$ServiceName = 'lyncdr-agent'
)
$ErrorActionPreference = 'Stop'

if (-not (Test-Path (Join-Path $InstallDir 'dist\main.js'))) { throw "$InstallDir\dist\main.js not found: copy the built agent there first" }
if (-not (Test-Path $WrapperExe)) { throw "service wrapper $WrapperExe not found" }
if (-not (Test-Path $Config)) { throw "agent config $Config not found: write it first (see docs/agent.md)" }

# 1. Data folder: Modify for the service account, inheritance off, only SYSTEM, Administrators and the account.
New-Item -ItemType Directory -Force -Path (Join-Path $DataDir 'outbox'), (Join-Path $DataDir 'logs') | Out-Null
& icacls.exe $DataDir /inheritance:r /grant:r 'SYSTEM:(OI)(CI)F' 'BUILTIN\Administrators:(OI)(CI)F' "${Account}:(OI)(CI)M" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed on $DataDir" }

# 2. Install folder: read and execute only.
& icacls.exe $InstallDir /grant "${Account}:(OI)(CI)RX" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed on $InstallDir" }

# 3. Wrapper configuration.
$wrapper = Join-Path $InstallDir "$ServiceName.exe"
Copy-Item -Force $WrapperExe $wrapper
$isGmsa = $Account.EndsWith('$')
$passwordXml = ''
if (-not $isGmsa) {
  $cred = Get-Credential -UserName $Account -Message "Password of $Account (the lyncdr agent service account)"
  $passwordXml = "<password>$([System.Security.SecurityElement]::Escape($cred.GetNetworkCredential().Password))</password>"
}
$esc = { param($s) [System.Security.SecurityElement]::Escape($s) }
$xml = @"
<service>
  <id>$ServiceName</id>
  <name>lyncdr agent</name>
  <description>lyncdr: checks Lync Server backups and reports to the planner.</description>
  <executable>$(& $esc $NodeExe)</executable>
  <arguments>"$(& $esc (Join-Path $InstallDir 'dist\main.js'))" start --config "$(& $esc $Config)"</arguments>
  <workingdirectory>$(& $esc $DataDir)</workingdirectory>
  <startmode>Automatic</startmode>
  <delayedAutoStart>true</delayedAutoStart>
  <stoptimeout>30 sec</stoptimeout>
  <onfailure action="restart" delay="30 sec"/>
  <onfailure action="restart" delay="2 min"/>
  <logpath>$(& $esc (Join-Path $DataDir 'logs'))</logpath>
  <log mode="roll-by-size"><sizeThreshold>10240</sizeThreshold><keepFiles>8</keepFiles></log>
  <serviceaccount>
    <username>$(& $esc $Account)</username>
    $passwordXml
    <allowservicelogon>true</allowservicelogon>
  </serviceaccount>
</service>
"@
$xmlPath = Join-Path $InstallDir "$ServiceName.xml"
Set-Content -Path $xmlPath -Value $xml -Encoding UTF8
# The XML may hold a password: readable by SYSTEM and Administrators only.
& icacls.exe $xmlPath /inheritance:r /grant:r 'SYSTEM:F' 'BUILTIN\Administrators:F' | Out-Null

# 4. Install and start.
if ($PSCmdlet.ShouldProcess($ServiceName, 'install service')) {
  & $wrapper install
  if ($LASTEXITCODE -ne 0) { throw "service wrapper install failed ($LASTEXITCODE)" }
  Start-Service -Name $ServiceName
  Get-Service -Name $ServiceName | Select-Object Name, Status, StartType
}
