/**
 * GET /metadata/endpoints: the emulator described like an Azure Stack Hub stamp, so cloud discovery
 * code (ARM endpoint → login endpoint, token audience, Key Vault DNS suffix) can be tested here.
 */
export const VAULT_SUFFIX = 'vault.localhost';
/** The ARM token audience; fixed across ports so tokens and configuration stay stable. */
export const ARM_AUDIENCE = 'https://management.localhost/';

export function metadataEndpoints(origin: string) {
  return {
    galleryEndpoint: `${origin}/gallery/`,
    graphEndpoint: `${origin}/graph/`,
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
