<#
.SYNOPSIS
  Decrypts an agent token file written by protect-token.ps1 and prints {"token": …} as JSON on stdout (read by the
  agent through its PowerShell bridge, never shown on the console).
#>
param([Parameter(Mandatory = $true)][string]$Path)
$ErrorActionPreference = 'Stop'
Add-Type -AssemblyName System.Security
$text = (Get-Content -LiteralPath $Path -Raw).Trim()
$parts = $text.Split(':')
if ($parts.Length -ne 3 -or $parts[0] -ne 'dpapi') { throw "$Path is not a protected token file (dpapi:<scope>:<base64>)" }
$entropy = [System.Text.Encoding]::UTF8.GetBytes('lyncdr-agent-token')
$bytes = [System.Security.Cryptography.ProtectedData]::Unprotect(
  [Convert]::FromBase64String($parts[2]), $entropy, [System.Security.Cryptography.DataProtectionScope]::($parts[1]))
[pscustomobject]@{ token = [System.Text.Encoding]::UTF8.GetString($bytes) } | ConvertTo-Json -Compress
