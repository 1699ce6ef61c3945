/**
 * Parameters that Microsoft's procedure pages print but that the cmdlets do not have (errata of the pages). A command
 * that uses one is an `erratum-parameter` violation that names the page and the parameter to use instead.
 */
import { REF } from '../refs';

export interface Erratum {
  message: string;
  ref: string;
}

/** Lower-cased cmdlet → lower-cased parameter → what to write instead. */
export const PARAMETER_ERRATA: Readonly<Record<string, Readonly<Record<string, Erratum>>>> = {
  'set-cssite': {
    xmppexternalfederationroute: {
      message: 'Set-CsSite has no -XmppExternalFederationRoute parameter (erratum of the XMPP federation pages); use -XmppFederationRoute EdgeServer:<edge pool FQDN>',
      ref: REF.setSite,
    },
  },
  'invoke-csmanagementserverfailover': {
    mirrorsqlserverfqdn: {
      message: 'Invoke-CsManagementServerFailover has no -MirrorSQLServerFqdn/-MirrorSQLInstanceName (erratum of the failing-over-a-pool page): use -BackupMirrorSqlServerFqdn/-BackupMirrorSqlInstanceName with -BackupSqlServerFqdn',
      ref: REF.cmsCmdlet,
    },
    mirrorsqlinstancename: {
      message: 'Invoke-CsManagementServerFailover has no -MirrorSQLServerFqdn/-MirrorSQLInstanceName (erratum of the failing-over-a-pool page): use -BackupMirrorSqlServerFqdn/-BackupMirrorSqlInstanceName with -BackupSqlServerFqdn',
      ref: REF.cmsCmdlet,
    },
  },
  'get-csbackupservicestatus': {
    backupmodule: {
      message: 'Get-CsBackupServiceStatus has no -BackupModule parameter (erratum of the Backup Service pages); query the pool and read the module in BackupModules',
      ref: REF.backupStatus,
    },
  },
  'import-csrgsconfiguration': {
    replaceexistingsettings: {
      message: 'Import-CsRgsConfiguration has no -ReplaceExistingSettings parameter (erratum of the Response Group pages); use -ReplaceExistingRgsSettings',
      ref: REF.rgs,
    },
  },
};

export function erratumOf(cmdlet: string, parameter: string): Erratum | null {
  return PARAMETER_ERRATA[cmdlet.toLowerCase()]?.[parameter.toLowerCase()] ?? null;
}
