/** The package's library entry: the Key Vault emulator and its credential helper. */
export {
  startEmulator, EmulatorCredential, emulatorAgent, emulatorClientOptions, emulatorArmClientOptions, localhostLookup,
  VAULT_SUFFIX, ARM_AUDIENCE,
  type EmulatorOptions, type RunningEmulator, type EmulatorReadyInfo, type EmulatorCredentialOptions,
  type EmulatorClientOptions, type EmulatorArmClientOptions, type EmulatorEndpoint,
} from './emulator/index.js';
