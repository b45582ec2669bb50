/**
 * GET /metadata/endpoints: the emulator described like an Azure Stack Hub stamp, so cloud discovery
 * code (ARM endpoint → login endpoint, token audience, Key Vault DNS suffix) can be tested here.
 */
export const VAULT_SUFFIX = 'vault.localhost';
/** The ARM token audience; fixed across ports so tokens and configuration stay stable. */
export const ARM_AUDIENCE = 'https://management.localhost/';
/** The Microsoft Graph token audience (the emulator does not check audiences; clients need one to ask for). */
export const GRAPH_AUDIENCE = 'https://graph.localhost/';

export function metadataEndpoints(origin: string) {
  return {
    galleryEndpoint: `${origin}/gallery/`,
    // Microsoft Graph's reads (/v1.0/…) are served on this same host.
    graphEndpoint: `${origin}/`,
    portalEndpoint: `${origin}/portal/`,
    authentication: {
      loginEndpoint: `${origin}/adfs`,
      audiences: [ARM_AUDIENCE],
    },
    // Newer clouds' metadata shape, read by tools that look the Key Vault suffix up here.
    name: 'KvdeckEmulator',
    resourceManager: `${origin}/`,
    suffixes: { keyVaultDns: VAULT_SUFFIX },
  };
}
