resource "azurerm_log_analytics_workspace" "this" {
  name                         = local.names.log_analytics
  resource_group_name          = azurerm_resource_group.this.name
  location                     = azurerm_resource_group.this.location
  sku                          = "PerGB2018"
  retention_in_days            = var.log_retention_days
  local_authentication_enabled = false
  tags                         = local.tags
}

# Local authentication off: telemetry is accepted only with an Entra token, which the app gets from its identity
# (APPLICATIONINSIGHTS_AUTHENTICATION_STRING) and the Monitoring Metrics Publisher role.
resource "azurerm_application_insights" "this" {
  name                         = local.names.app_insights
  resource_group_name          = azurerm_resource_group.this.name
  location                     = azurerm_resource_group.this.location
  application_type             = "web"
  workspace_id                 = azurerm_log_analytics_workspace.this.id
  local_authentication_enabled = false
  tags                         = local.tags
}
