locals {
  base_name = "${var.name_prefix}-${var.environment}"

  names = {
    resource_group  = "rg-${local.base_name}"
    storage_account = "st${var.name_prefix}${var.environment}${random_string.suffix.result}"
    key_vault       = "kv-${local.base_name}-${random_string.suffix.result}"
    log_analytics   = "log-${local.base_name}"
    app_insights    = "appi-${local.base_name}"
    service_plan    = "asp-${local.base_name}"
    function_app    = "func-${local.base_name}-${random_string.suffix.result}"
  }

  model_name = "archive-forecast"

  blob_endpoint  = trimsuffix(azurerm_storage_account.this.primary_blob_endpoint, "/")
  queue_endpoint = trimsuffix(azurerm_storage_account.this.primary_queue_endpoint, "/")

  models_container_url        = "${local.blob_endpoint}/${azurerm_storage_container.models.name}"
  training_data_container_url = "${local.blob_endpoint}/${azurerm_storage_container.training_data.name}"
  predictions_container_url   = "${local.blob_endpoint}/${azurerm_storage_container.predictions.name}"
  deployment_container_url    = "${local.blob_endpoint}/${azurerm_storage_container.deployment.name}"

  client_key_name        = "clients"
  client_key_secret_name = "client-function-key"

  tags = merge(var.tags, {
    application = "archive-forecast"
    environment = var.environment
    managed-by  = "terraform"
  })
}
