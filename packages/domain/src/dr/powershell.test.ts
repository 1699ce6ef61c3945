import { describe, expect, it } from 'vitest';
import { parsePowerShell } from './index';

describe('parsePowerShell', () => {
  it('reads parameters, switches and quoted values case-insensitively', () => {
    const [c] = parsePowerShell('Invoke-CsPoolFailover -PoolFQDN "p1.contoso.com" -DisasterMode -Verbose');
    expect(c).toEqual({ name: 'Invoke-CsPoolFailover', params: { poolfqdn: 'p1.contoso.com', disastermode: true, verbose: true }, positional: [] });
  });

  it('splits pipelines and keeps script blocks and placeholders whole', () => {
    const cmds = parsePowerShell('Get-CsUser -Filter {RegistrarPool -eq "a.b.c"} | Move-CsUser -Target c.b.c -Force');
    expect(cmds.map((c) => c.name)).toEqual(['Get-CsUser', 'Move-CsUser']);
    expect(cmds[0]?.params.filter).toBe('{RegistrarPool -eq "a.b.c"}');
    expect(cmds[1]?.params.target).toBe('c.b.c');
    const [x] = parsePowerShell('Import-CsUserData -PoolFqdn c -FileName <TBD — owner: the zip>');
    expect(x?.params.filename).toBe('<TBD — owner: the zip>');
  });

  it('reads -Param:value, positional values and the call operator', () => {
    const [a] = parsePowerShell('Set-CsSite Site2 -XmppFederationRoute:EdgeServer:e.x.com');
    expect(a?.positional).toEqual(['Site2']);
    expect(a?.params.xmppfederationroute).toBe('EdgeServer:e.x.com');
    const [b] = parsePowerShell('& "$env:SystemDrive\\Program Files\\Microsoft Lync Server 2013\\Deployment\\Bootstrapper.exe"');
    expect(b?.name).toMatch(/Bootstrapper\.exe$/);
  });
});
