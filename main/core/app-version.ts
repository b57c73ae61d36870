import packageJson from '../../package.json' with { type: 'json' };

/** The version of Cuttings, recorded in every cutting's provenance. */
export const APP_VERSION: string = packageJson.version;
