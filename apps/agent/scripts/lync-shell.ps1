<#
  lyncdr bridge: the management shell module of this server, dot-sourced by every Lync bridge script
  (`. (Join-Path $PSScriptRoot 'lync-shell.ps1')`) before its first Lync cmdlet. Sets $csModule and $csProduct
  (lync2013, sfb2015 or sfb2019); exits the calling script with 3 when no Lync or SkypeForBusiness module is installed.
#>
# Lync Server 2013 ships its cmdlets in the module `Lync` (the Lync Server Management Shell); Skype for Business
# Server 2015 and 2019 ship them in `SkypeForBusiness` (the "Module Name" of docs-sfb/cmdlets/*.md). Whichever is
# installed is loaded. $csProduct (lync2013, sfb2015 or sfb2019) is the module's name for Lync, else the major part of
# the file version of the cmdlets' assembly (the server build, numbered as the version table of
# docs-en/cmdlets/Move-CsUser.md numbers them: 5.0.8308 Lync Server 2013, 6.0.9319 SfB Server 2015, 7.0.2046 SfB
# Server 2019), or of the module's version when the assembly is not found. With neither module the script prints a
# coded line on stderr and exits 3; the agent reports it as E_BRIDGE_NO_MODULE.
$csModule = Get-Module -ListAvailable -Name SkypeForBusiness, Lync | Sort-Object -Property Version -Descending | Select-Object -First 1
if (-not $csModule) {
  [Console]::Error.WriteLine('lyncdr:E_BRIDGE_NO_MODULE: neither the SkypeForBusiness module (Skype for Business Server 2015/2019) nor the Lync module (Lync Server 2013) is installed on this computer; install the Management Shell (administrative tools) here or run the agent on a server that has it')
  exit 3
}
Import-Module -ModuleInfo $csModule
$csMajor = $csModule.Version.Major
$csDll = (Get-Command -Module $csModule.Name -CommandType Cmdlet | Select-Object -First 1).DLL
if ($csDll) { $fileMajor = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($csDll).FileMajorPart }
if ($fileMajor -gt 0) { $csMajor = $fileMajor }
if ($csModule.Name -eq 'Lync') { $csProduct = 'lync2013' }
elseif ($csMajor -ge 7) { $csProduct = 'sfb2019' }
else { $csProduct = 'sfb2015' }
