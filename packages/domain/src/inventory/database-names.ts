/**
 * Databases that need no backup, with the reason [lync-server-2013-backup-and-restoration-worksheets.md; rtcshared:
 * REFERENCE §a.1, not described by the backup docs]. Keys are lower case.
 */
export const NO_BACKUP_DATABASES = new Map<string, { name: string; reason: string; ref: string }>([
  ['rtcdyn', { name: 'Rtcdyn', reason: 'transient user data, not needed to restore service', ref: 'lync-server-2013-backup-and-restoration-worksheets.md' }],
  ['rtcab', { name: 'Rtcab', reason: 'Address Book database, re-created automatically from the global address list in Active Directory Domain Services', ref: 'lync-server-2013-backup-and-restoration-worksheets.md' }],
  ['rtcab1', { name: 'Rtcab1', reason: 'Address Book database, re-created automatically from the global address list in Active Directory Domain Services', ref: 'lync-server-2013-backup-and-restoration-worksheets.md' }],
  ['rgsdyn', { name: 'Rgsdyn', reason: 'transient Response Group data, not needed to restore service', ref: 'lync-server-2013-backup-and-restoration-worksheets.md' }],
  ['cpsdyn', { name: 'Cpsdyn', reason: 'dynamic Call Park information, not needed to restore service', ref: 'lync-server-2013-backup-and-restoration-worksheets.md' }],
  ['mgccomp', { name: 'MgcComp', reason: 'Persistent Chat compliance database, not needed to restore service', ref: 'lync-server-2013-backup-and-restoration-worksheets.md' }],
  ['rtcshared', { name: 'rtcshared', reason: 're-created by Install-CsDatabase / the Deployment Wizard; the user data it serves is backed up with Export-CsUserData (the backup pages do not name this database)', ref: 'lync-server-2013-backup-and-restoration-requirements-data.md' }],
]);

/** Databases backed up through the settings exports (Export-CsConfiguration, Export-CsLisConfiguration, Export-CsRgsConfiguration). */
export const SETTINGS_DATABASES = ['xds', 'lis', 'rgsconfig'];

/** Databases backed up through Export-CsUserData. */
export const USER_DATABASES = ['rtcxds'];
