# Public network access stays on: the Flex app has no VNet integration here, so it reaches storage over the
# public endpoint. Every request is authorised with Entra ID; there are no keys and no anonymous access.
resource "azurerm_storage_account" "this" {
  name                     = local.names.storage_account
  resource_group_name      = azurerm_resource_group.this.name
  location                 = azurerm_resource_group.this.location
  account_kind             = "StorageV2"
  account_tier             = "Standard"
  account_replication_type = var.storage_replication_type

  https_traffic_only_enabled       = true
  min_tls_version                  = "TLS1_2"
  shared_access_key_enabled        = false
  default_to_oauth_authentication  = true
  allow_nested_items_to_be_public  = false
  cross_tenant_replication_enabled = false
  local_user_enabled               = false

  blob_properties {
    versioning_enabled = true

    delete_retention_policy {
      days = var.blob_soft_delete_days
    }

    container_delete_retention_policy {
      days = var.blob_soft_delete_days
    }
  }

  tags = local.tags
}

resource "azurerm_storage_container" "models" {
  name                  = "models"
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

resource "azurerm_storage_container" "training_data" {
  name                  = "training-data"
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

# Batch jobs write their outputs (CSV and summary) here, and only here.
resource "azurerm_storage_container" "predictions" {
  name                  = "predictions"
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

resource "azurerm_storage_container" "deployment" {
  name                  = "app-package"
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

# The Functions host would create these two itself; creating them here lets its role be scoped to them
# instead of to the whole account.
resource "azurerm_storage_container" "webjobs_hosts" {
  name                  = "azure-webjobs-hosts"
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

resource "azurerm_storage_container" "webjobs_secrets" {
  name                  = "azure-webjobs-secrets"
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

# The jobs queue: retraining requests and batch scoring jobs (a message kind tells them apart), one trigger.
resource "azurerm_storage_queue" "retrain" {
  name               = "retrain-requests"
  storage_account_id = azurerm_storage_account.this.id
}

# The queue trigger moves a message here after its last failed attempt; created up front for the same reason.
resource "azurerm_storage_queue" "retrain_poison" {
  name               = "${azurerm_storage_queue.retrain.name}-poison"
  storage_account_id = azurerm_storage_account.this.id
}
