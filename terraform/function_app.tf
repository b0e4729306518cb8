resource "azurerm_service_plan" "this" {
  name                = local.names.service_plan
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  os_type             = "Linux"
  sku_name            = "FC1"
  tags                = local.tags
}

resource "azurerm_function_app_flex_consumption" "this" {
  name                = local.names.function_app
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  service_plan_id     = azurerm_service_plan.this.id

  runtime_name           = "dotnet-isolated"
  runtime_version        = "10.0"
  instance_memory_in_mb  = var.instance_memory_mb
  maximum_instance_count = var.maximum_instance_count

  storage_container_type      = "blobContainer"
  storage_container_endpoint  = local.deployment_container_url
  storage_authentication_type = "SystemAssignedIdentity"

  https_only                                     = true
  public_network_access_enabled                  = true
  webdeploy_publish_basic_authentication_enabled = false

  identity {
    type = "SystemAssigned"
  }

  site_config {
    # Written by the provider as the APPLICATIONINSIGHTS_CONNECTION_STRING app setting.
    application_insights_connection_string = azurerm_application_insights.this.connection_string
    minimum_tls_version                    = "1.2"
    scm_minimum_tls_version                = "1.2"
    http2_enabled                          = true
    remote_debugging_enabled               = false
  }

  app_settings = {
    # Workaround for https://github.com/hashicorp/terraform-provider-azurerm/issues/29693: with identity-based
    # storage the provider still writes AzureWebJobsStorage as a connection string with an empty AccountKey,
    # which stops the host at start. An explicit empty value replaces it, so the host connects through the
    # AzureWebJobsStorage__* identity settings. Until the issue is fixed every plan shows an in-place update
    # of this key; that is expected.
    AzureWebJobsStorage              = ""
    AzureWebJobsStorage__accountName = azurerm_storage_account.this.name
    AzureWebJobsStorage__credential  = "managedidentity"

    ModelStore__ContainerUri                  = local.models_container_url
    ModelStore__ModelName                     = local.model_name
    ModelStore__ReloadInterval                = var.model_reload_interval
    TrainingData__ContainerUri                = local.training_data_container_url
    Predictions__ContainerUri                 = local.predictions_container_url
    Training__DefaultDataset                  = var.training_default_dataset
    RetrainQueue__QueueServiceUri             = local.queue_endpoint
    RetrainQueue__QueueName                   = azurerm_storage_queue.retrain.name
    RetrainQueueConnection__queueServiceUri   = local.queue_endpoint
    KeyVault__Uri                             = azurerm_key_vault.this.vault_uri
    Retraining__Schedule                      = var.retraining_schedule
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING = "Authorization=AAD"
  }

  tags = local.tags
}

# azurerm 5.2.0 has no resource for Functions host keys (only the azurerm_function_app_host_keys data source,
# which reads them), so the key clients use is set through the documented ARM operation
# WebApps_CreateOrUpdateHostSecret: PUT .../sites/{app}/host/default/functionKeys/{name}.
# The host must be able to reach its storage to save the key, hence the wait for role propagation and the retry.
resource "azapi_resource_action" "client_function_key" {
  type        = "Microsoft.Web/sites@2024-04-01"
  resource_id = azurerm_function_app_flex_consumption.this.id
  action      = "host/default/functionKeys/${local.client_key_name}"
  method      = "PUT"

  body = {
    properties = {
      name = local.client_key_name
    }
  }

  # Write-only: merged into every request, never stored. No sensitive_body_version on purpose: with one, an update
  # made for any other reason would PUT the key without its value, and the host would make up a new key.
  sensitive_body = {
    properties = {
      value = ephemeral.azurerm_key_vault_secret.client_function_key.value
    }
  }

  retry = {
    error_message_regex  = ["(?i)(BadRequest|ServiceUnavailable|InternalServerError|GatewayTimeout|host runtime)"]
    interval_seconds     = 20
    max_interval_seconds = 60
  }

  timeouts {
    create = "10m"
    update = "10m"
  }

  depends_on = [time_sleep.rbac_propagation]

  # Write-only values never show up in a plan, so a new secret version (client_key_version raised) replaces the
  # action to send it.
  lifecycle {
    replace_triggered_by = [azurerm_key_vault_secret.client_function_key]
  }
}
