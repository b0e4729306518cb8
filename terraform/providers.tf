provider "azurerm" {
  # Shared keys are disabled on the storage account, so data-plane calls must use Entra ID.
  storage_use_azuread = true

  # Registration needs subscription-wide rights; docs/deploy.md registers the few namespaces used here once.
  resource_provider_registrations = "none"

  features {
    key_vault {
      # Purge protection forbids purging; the vault stays soft-deleted for its retention period.
      purge_soft_delete_on_destroy = false
    }
  }
}

provider "azapi" {}
