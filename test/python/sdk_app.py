"""
A user's application, written as anyone would write it against Azure: the official Azure SDK for
Python with default options. Nothing in it knows about the emulator; the environment points it
there (AZURE_* for the credential, HTTPS_PROXY so *.vault.localhost is reached, REQUESTS_CA_BUNDLE
for the emulator's CA). Prints what it saw as one JSON object for the Node test to check.
"""
import json
import os
import sys

from azure.identity import DefaultAzureCredential
from azure.keyvault.certificates import CertificateClient, CertificatePolicy
from azure.keyvault.keys import KeyClient
from azure.keyvault.keys.crypto import CryptographyClient, EncryptionAlgorithm, SignatureAlgorithm
from azure.keyvault.secrets import SecretClient
from azure.mgmt.keyvault import KeyVaultManagementClient
from azure.mgmt.resource.locks import ManagementLockClient

arm = os.environ["APP_ARM_ENDPOINT"]
vault_url = os.environ["APP_VAULT_URL"]
subscription = os.environ["APP_SUBSCRIPTION_ID"]
group = os.environ["APP_RESOURCE_GROUP"]
vault_name = os.environ["APP_VAULT_NAME"]

credential = DefaultAzureCredential()
seen = {}

# Secrets
secrets = SecretClient(vault_url, credential)
secrets.set_secret("python-app-secret", "from-python")
seen["secret_value"] = secrets.get_secret("python-app-secret").value
seen["secret_names"] = sorted(p.name for p in secrets.list_properties_of_secrets())
seen["secret_api_version"] = secrets.api_version

# Keys and cryptography
keys = KeyClient(vault_url, credential)
seen["key_api_version"] = keys.api_version
key = keys.create_rsa_key("python-app-key", size=2048)
seen["key_type"] = str(key.key_type)
crypto = CryptographyClient(key, credential)
plaintext = b"attack at dawn"
encrypted = crypto.encrypt(EncryptionAlgorithm.rsa_oaep, plaintext)
seen["decrypted"] = crypto.decrypt(EncryptionAlgorithm.rsa_oaep, encrypted.ciphertext).plaintext.decode()
digest = __import__("hashlib").sha256(b"signed message").digest()
signature = crypto.sign(SignatureAlgorithm.rs256, digest).signature
seen["verified"] = crypto.verify(SignatureAlgorithm.rs256, digest, signature).is_valid

# Certificates: a self-signed one through the long-running create poller, its linked secret, the bin
certificates = CertificateClient(vault_url, credential)
seen["certificate_api_version"] = certificates.api_version
created = certificates.begin_create_certificate("python-app-cert", CertificatePolicy.get_default()).result()
seen["certificate_subject"] = certificates.get_certificate("python-app-cert").policy.subject
seen["certificate_has_cer"] = len(created.cer or b"") > 0
seen["certificate_secret_content_type"] = secrets.get_secret("python-app-cert").properties.content_type
seen["certificate_names"] = sorted(p.name for p in certificates.list_properties_of_certificates())
certificates.begin_delete_certificate("python-app-cert").wait()
seen["deleted_certificates"] = sorted(d.name for d in certificates.list_deleted_certificates())

# Resource Manager: vaults (with paging) and locks
management = KeyVaultManagementClient(credential, subscription, base_url=arm)
vault = management.vaults.get(group, vault_name)
seen["vault_uri"] = vault.properties.vault_uri
seen["system_data"] = {
    "created_by": vault.system_data.created_by,
    "created_by_type": str(vault.system_data.created_by_type),
    "last_modified_by": vault.system_data.last_modified_by,
}
seen["vaults_top1"] = sorted(v.name for v in management.vaults.list(top=1))
seen["vaults_by_subscription_top1"] = sorted(v.name for v in management.vaults.list_by_subscription(top=1))

locks = ManagementLockClient(credential, subscription, base_url=arm)
locks.management_locks.create_or_update_at_resource_group_level(group, "python-app-lock", {"level": "CanNotDelete", "notes": "from python"})
seen["locks"] = sorted(l.name for l in locks.management_locks.list_at_resource_group_level(group))
locks.management_locks.delete_at_resource_group_level(group, "python-app-lock")
seen["locks_after_delete"] = sorted(l.name for l in locks.management_locks.list_at_resource_group_level(group))

json.dump(seen, sys.stdout)
