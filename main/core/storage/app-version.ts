import packageJson from '../../../package.json' with { type: 'json' };

/**
 * The version of Cuttings, recorded in every cutting's provenance, in cuttings.json and in
 * exports. It sits in storage/, the folder every other may import, because it is a stamp on
 * what is written.
 */
export const APP_VERSION: string = packageJson.version;
