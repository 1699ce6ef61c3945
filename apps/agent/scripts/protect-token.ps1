<#
.SYNOPSIS
  Encrypts the agent token file in place with Windows DPAPI (called by `lyncdr-agent.exe protect-token`).

.DESCRIPTION
  Reads the token from -Path, encrypts it with System.Security.Cryptography.ProtectedData (the DPAPI behind
  ConvertFrom-SecureString) and writes `dpapi:<Scope>:<base64>` back to -Path. Scope LocalMachine (default): any
  process on this server may decrypt it, so the file's ACL is what protects it (SYSTEM, Administrators and the
  service account only); the file is useless on another server. Scope CurrentUser: only the account that ran this
  script may decrypt it (run it as the service account; not possible for a gMSA, which cannot log on interactively).
  Prints {"path": …, "scope": …} as JSON. Never prints the token.
#>
param(
  [Parameter(Mandatory = $true)][string]$Path,
  [ValidateSet('LocalMachine', 'CurrentUser')][string]$Scope = 'LocalMachine'
)
$ErrorActionPreference = 'Stop'
Add-Type -AssemblyName System.Security
$text = (Get-Content -LiteralPath $Path -Raw).Trim()
if ($text.StartsWith('dpapi:')) { throw "$Path is already protected" }
if ($text.Length -lt 8) { throw "$Path does not hold an agent token" }
$entropy = [System.Text.Encoding]::UTF8.GetBytes('lyncdr-agent-token')
$blob = [System.Security.Cryptography.ProtectedData]::Protect(
  [System.Text.Encoding]::UTF8.GetBytes($text), $entropy, [System.Security.Cryptography.DataProtectionScope]::$Scope)
Set-Content -LiteralPath $Path -Value ("dpapi:${Scope}:" + [Convert]::ToBase64String($blob)) -Encoding ASCII -NoNewline
[pscustomobject]@{ path = $Path; scope = $Scope } | ConvertTo-Json -Compress
