<#
.SYNOPSIS
  Installs the lyncdr planner as a Windows service (WinSW wrapper), and optionally its nightly database backup.

.DESCRIPTION
  Run it from an elevated PowerShell on the planner's server, after building lyncdr in -InstallDir
  (Node.js 20 installed; `pnpm install --frozen-lockfile`, `pnpm build`; docs/operations.md). Node.js is not a service
  binary, so the service is hosted by WinSW (the wrapper the agent's zip also uses: node-windows ships it, and the
  repository's install has it under tools\package-agent\node_modules\node-windows\bin\winsw). The script:
    1. creates the data folder and gives the service account Modify on it and nothing else (inheritance removed);
    2. copies the wrapper as lyncdr-planner-service.exe and writes its XML: node <InstallDir>\apps\planner\dist\cli\main.js
       serve --config <Config>;
    3. installs the service (automatic delayed start, restart on failure) and starts it.
  The account needs no Administrators membership; a group managed service account (name ending in $) needs no
  password. Backups of the planner's database: deploy\windows\register-backup-task.ps1.

.EXAMPLE
  .\deploy\windows\install-planner-service.ps1 -Account 'CONTOSO\svc-lyncdr-planner$'
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  [Parameter(Mandatory = $true)][string]$Account,
  [string]$InstallDir = (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)),
  [string]$DataDir = (Join-Path $env:ProgramData 'lyncdr-planner'),
  [string]$Config = (Join-Path $DataDir 'planner.yaml'),
  [string]$Node = (Get-Command node.exe -ErrorAction SilentlyContinue).Source,
  [string]$Wrapper = (Join-Path $InstallDir 'tools\package-agent\node_modules\node-windows\bin\winsw\winsw.exe'),
  [string]$ServiceName = 'lyncdr-planner'
)
$ErrorActionPreference = 'Stop'

$cli = Join-Path $InstallDir 'apps\planner\dist\cli\main.js'
if (-not $Node -or -not (Test-Path $Node)) { throw 'node.exe not found: install Node.js 20 (or give -Node)' }
if (-not (Test-Path $cli)) { throw "$cli not found: run pnpm install --frozen-lockfile and pnpm build in $InstallDir first" }
if (-not (Test-Path $Wrapper)) { throw "$Wrapper not found: give -Wrapper (lyncdr-agent-service.exe from the agent zip is the same WinSW)" }
if (-not (Test-Path $Config)) { throw "planner config $Config not found: start from apps\planner\planner.example.yaml (data: $DataDir\data)" }

# 1. Data folder: Modify for the service account, inheritance off, only SYSTEM, Administrators and the account.
New-Item -ItemType Directory -Force -Path (Join-Path $DataDir 'data'), (Join-Path $DataDir 'logs') | Out-Null
& icacls.exe $DataDir /inheritance:r /grant:r 'SYSTEM:(OI)(CI)F' 'BUILTIN\Administrators:(OI)(CI)F' "${Account}:(OI)(CI)M" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed on $DataDir" }
& icacls.exe $InstallDir /grant "${Account}:(OI)(CI)RX" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed on $InstallDir" }

# 2. The wrapper and its configuration (WinSW reads <wrapper name>.xml beside it).
$serviceExe = Join-Path $DataDir 'lyncdr-planner-service.exe'
Copy-Item -Force $Wrapper $serviceExe
$domain, $user = if ($Account.Contains('\')) { $Account.Split('\', 2) } else { '.', $Account }
$passwordXml = ''
if (-not $user.EndsWith('$')) {
  $cred = Get-Credential -UserName $Account -Message "Password of $Account (the lyncdr planner service account)"
  $passwordXml = "<password>$([System.Security.SecurityElement]::Escape($cred.GetNetworkCredential().Password))</password>"
}
$esc = { param($s) [System.Security.SecurityElement]::Escape($s) }
$xml = @"
<service>
  <id>$(& $esc $ServiceName)</id>
  <name>lyncdr planner</name>
  <description>lyncdr planner: backup status of Lync Server / Skype for Business Server, from the agents.</description>
  <executable>$(& $esc $Node)</executable>
  <arguments>"$(& $esc $cli)" serve --config "$(& $esc $Config)"</arguments>
  <workingdirectory>$(& $esc $DataDir)</workingdirectory>
  <stoptimeout>30 sec</stoptimeout>
  <onfailure action="restart" delay="10 sec"/>
  <onfailure action="restart" delay="1 min"/>
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
$xmlPath = Join-Path $DataDir 'lyncdr-planner-service.xml'
Set-Content -Path $xmlPath -Value $xml -Encoding UTF8
& icacls.exe $xmlPath /inheritance:r /grant:r 'SYSTEM:F' 'BUILTIN\Administrators:F' | Out-Null

# 3. Install, delayed automatic start, restart on failure, start.
if ($PSCmdlet.ShouldProcess($ServiceName, 'install service')) {
  & $serviceExe install
  if ($LASTEXITCODE -ne 0) { throw "service wrapper install failed ($LASTEXITCODE)" }
  & sc.exe config $ServiceName start= delayed-auto | Out-Null
  & sc.exe failure $ServiceName reset= 3600 actions= restart/10000/restart/60000/restart/60000 | Out-Null
  Start-Service -Name $ServiceName
  Get-Service -Name $ServiceName | Select-Object Name, Status, StartType
}
