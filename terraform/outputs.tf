output "resource_group_name" {
  description = "Resource group that holds every resource of this deployment."
  value       = azurerm_resource_group.this.name
}

output "function_app_name" {
  description = "Name of the Flex Consumption function app; pass it to func azure functionapp publish and az functionapp commands."
  value       = azurerm_function_app_flex_consumption.this.name
}

output "function_app_hostname" {
  description = "Default HTTPS host name of the function app."
  value       = azurerm_function_app_flex_consumption.this.default_hostname
}

output "predict_url" {
  description = "URL of POST /api/predict; call it with the clients' function key in the x-functions-key header."
  value       = "https://${azurerm_function_app_flex_consumption.this.default_hostname}/api/predict"
}

output "key_vault_name" {
  description = "Name of the Key Vault (RBAC mode) that holds the API's secrets."
  value       = azurerm_key_vault.this.name
}

output "key_vault_uri" {
  description = "URI of the Key Vault; the app reads it from KeyVault__Uri."
  value       = azurerm_key_vault.this.vault_uri
}

output "client_key_secret_name" {
  description = "Name of the Key Vault secret that holds the function key for API clients."
  value       = azurerm_key_vault_secret.client_function_key.name
}

output "storage_account_name" {
  description = "Storage account for models, training data, the retraining queue and the host state."
  value       = azurerm_storage_account.this.name
}

output "models_container_url" {
  description = "Blob container URL of the model registry; use it as --store for the CLI."
  value       = local.models_container_url
}

output "training_data_container_url" {
  description = "Blob container URL where training CSV files are uploaded for POST /api/retrain."
  value       = local.training_data_container_url
}

output "predictions_container_url" {
  description = "The blob container batch jobs write their outputs to ({model}/{run_id}.csv and .summary.json)."
  value       = local.predictions_container_url
}

output "training_default_dataset" {
  description = "Blob name in the training-data container that scheduled retraining trains on (Training__DefaultDataset); upload the dataset under this name."
  value       = var.training_default_dataset
}

output "deployment_container_url" {
  description = "Blob container URL that Flex Consumption deploys the app package from."
  value       = local.deployment_container_url
}

output "retrain_queue_name" {
  description = "Name of the storage queue that carries retraining requests."
  value       = azurerm_storage_queue.retrain.name
}

output "log_analytics_workspace_id" {
  description = "Workspace (customer) ID of the Log Analytics workspace that holds telemetry and the Key Vault and Storage audit logs; pass it to az monitor log-analytics query --workspace."
  value       = azurerm_log_analytics_workspace.this.workspace_id
}

output "application_insights_name" {
  description = "Application Insights resource that receives the app's telemetry."
  value       = azurerm_application_insights.this.name
}
