# The app's system-assigned identity gets data-plane roles on exactly what it reads or writes.
resource "azurerm_role_assignment" "app" {
  for_each = {
    models_blob          = { scope = azurerm_storage_container.models.id, role = "Storage Blob Data Contributor" }
    training_data_blob   = { scope = azurerm_storage_container.training_data.id, role = "Storage Blob Data Reader" }
    predictions_blob     = { scope = azurerm_storage_container.predictions.id, role = "Storage Blob Data Contributor" }
    deployment_blob      = { scope = azurerm_storage_container.deployment.id, role = "Storage Blob Data Contributor" }
    webjobs_hosts_blob   = { scope = azurerm_storage_container.webjobs_hosts.id, role = "Storage Blob Data Contributor" }
    webjobs_secrets_blob = { scope = azurerm_storage_container.webjobs_secrets.id, role = "Storage Blob Data Contributor" }
    retrain_queue        = { scope = azurerm_storage_queue.retrain.id, role = "Storage Queue Data Contributor" }
    retrain_poison_queue = { scope = azurerm_storage_queue.retrain_poison.id, role = "Storage Queue Data Contributor" }
    key_vault_secrets    = { scope = azurerm_key_vault.this.id, role = "Key Vault Secrets User" }
    telemetry            = { scope = azurerm_application_insights.this.id, role = "Monitoring Metrics Publisher" }
  }

  scope                = each.value.scope
  role_definition_name = each.value.role
  principal_id         = azurerm_function_app_flex_consumption.this.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

# Whoever runs Terraform writes the clients' function key into the vault.
resource "azurerm_role_assignment" "terraform_secrets_officer" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = data.azurerm_client_config.current.object_id
}

resource "azurerm_role_assignment" "deployer_models" {
  count                = var.deployer_principal_id == null ? 0 : 1
  scope                = azurerm_storage_container.models.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = var.deployer_principal_id
}

resource "azurerm_role_assignment" "deployer_training_data" {
  count                = var.deployer_principal_id == null ? 0 : 1
  scope                = azurerm_storage_container.training_data.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = var.deployer_principal_id
}

# Whoever deploys reads the batch outputs (and may clear old ones).
resource "azurerm_role_assignment" "deployer_predictions" {
  count                = var.deployer_principal_id == null ? 0 : 1
  scope                = azurerm_storage_container.predictions.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = var.deployer_principal_id
}

resource "azurerm_role_assignment" "deployer_secrets_reader" {
  count                = var.deployer_principal_id == null ? 0 : 1
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = var.deployer_principal_id
}

# Role assignments take a while to reach Key Vault and Storage; writing the secret or the host key at once
# fails with 403 (https://github.com/Azure/terraform-azurerm-avm-res-keyvault-vault/issues/78).
resource "time_sleep" "rbac_propagation" {
  create_duration = "90s"

  triggers = {
    app_roles       = join(",", [for assignment in azurerm_role_assignment.app : assignment.id])
    secrets_officer = azurerm_role_assignment.terraform_secrets_officer.id
  }
}
