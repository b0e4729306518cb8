resource "azurerm_key_vault" "this" {
  name                          = local.names.key_vault
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku_name                      = "standard"
  rbac_authorization_enabled    = true
  purge_protection_enabled      = true
  soft_delete_retention_days    = var.key_vault_soft_delete_days
  public_network_access_enabled = true
  tags                          = local.tags
}

# Ephemeral: a new value on every plan and apply, never stored in state or plan files. The vault secret takes it
# through its write-only value_wo only when client_key_version changes.
ephemeral "random_password" "client_function_key" {
  length  = 48
  special = false
}

resource "azurerm_key_vault_secret" "client_function_key" {
  name             = local.client_key_secret_name
  value_wo         = ephemeral.random_password.client_function_key.result
  value_wo_version = var.client_key_version
  key_vault_id     = azurerm_key_vault.this.id
  content_type     = "Azure Functions function-level host key '${local.client_key_name}' for API clients"
  tags             = local.tags

  depends_on = [time_sleep.rbac_propagation]
}

# The app's host key is set from the vault, not from the generator: an apply that wrote the secret but failed to set
# the key retries with the stored value, so the vault and the app always hold the same key.
ephemeral "azurerm_key_vault_secret" "client_function_key" {
  name         = azurerm_key_vault_secret.client_function_key.name
  key_vault_id = azurerm_key_vault.this.id
  version      = azurerm_key_vault_secret.client_function_key.version
}
