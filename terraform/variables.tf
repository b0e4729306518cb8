variable "name_prefix" {
  type        = string
  description = "Short prefix for every resource name: 3-10 lowercase letters or digits, starting with a letter (it is part of the storage account name)."
  default     = "archfc"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{2,9}$", var.name_prefix))
    error_message = "name_prefix must be 3-10 lowercase letters or digits and start with a letter."
  }
}

variable "environment" {
  type        = string
  description = "Deployment environment, used in names and tags."
  default     = "dev"

  validation {
    condition     = contains(["dev", "test", "prod"], var.environment)
    error_message = "environment must be one of dev, test, prod."
  }
}

variable "location" {
  type        = string
  description = "Azure region in its programmatic form (for example eastus or swedencentral); it must offer Flex Consumption with .NET 10."
  default     = "eastus"

  validation {
    condition     = can(regex("^[a-z]+[a-z0-9]*$", var.location))
    error_message = "location must be a region name such as eastus or swedencentral (lowercase, no spaces)."
  }
}

variable "retraining_schedule" {
  type        = string
  description = "Six-field NCRONTAB expression (second minute hour day month day-of-week, UTC) for scheduled retraining; the default is 03:00 on the first day of every month."
  default     = "0 0 3 1 * *"

  validation {
    condition     = can(regex("^[0-9A-Za-z*,/-]+( [0-9A-Za-z*,/-]+){5}$", var.retraining_schedule))
    error_message = "retraining_schedule must be a six-field NCRONTAB expression separated by single spaces, for example \"0 0 3 1 * *\"."
  }
}

variable "training_default_dataset" {
  type        = string
  description = "Dataset that scheduled retraining (and a POST /api/retrain without a dataset) trains on: a blob name inside the training-data container, such as archive.csv or 2025-07/data.csv. Letters, digits, '-', '_', '.' and '/' only; no leading '/', no '..' segment, no URL."
  default     = "archive.csv"

  validation {
    condition = (
      length(var.training_default_dataset) <= 1024
      && can(regex("^[A-Za-z0-9._/-]+$", var.training_default_dataset))
      && alltrue([for segment in split("/", var.training_default_dataset) : !can(regex("^[.]*$", segment))])
    )
    error_message = "training_default_dataset must be a relative blob name inside the training-data container (for example archive.csv or 2025-07/data.csv): letters, digits, '-', '_', '.' and '/' only, at most 1024 characters, no leading or doubled '/', no '.' or '..' segment, no URL."
  }
}

variable "model_reload_interval" {
  type        = string
  description = "How often each instance checks the model registry for a newly promoted version, as hh:mm:ss; 00:00:00 turns polling off (POST /api/model/reload still works)."
  default     = "00:00:30"

  validation {
    condition     = can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$", var.model_reload_interval))
    error_message = "model_reload_interval must be hh:mm:ss from 00:00:00 to 23:59:59, for example \"00:00:30\"."
  }
}

variable "instance_memory_mb" {
  type        = number
  description = "Memory of each Flex Consumption instance in MB; in-app training holds its data set in memory."
  default     = 2048

  validation {
    condition     = contains([512, 2048, 4096], var.instance_memory_mb)
    error_message = "instance_memory_mb must be 512, 2048 or 4096."
  }
}

variable "maximum_instance_count" {
  type        = number
  description = "Upper bound on instances Flex Consumption may scale out to; it caps cost."
  default     = 40

  validation {
    condition     = var.maximum_instance_count >= 1 && var.maximum_instance_count <= 1000 && floor(var.maximum_instance_count) == var.maximum_instance_count
    error_message = "maximum_instance_count must be a whole number from 1 to 1000."
  }
}

variable "storage_replication_type" {
  type        = string
  description = "Replication of the storage account that holds models, training data and the host state."
  default     = "LRS"

  validation {
    condition     = contains(["LRS", "ZRS", "GRS", "GZRS", "RAGRS", "RAGZRS"], var.storage_replication_type)
    error_message = "storage_replication_type must be one of LRS, ZRS, GRS, GZRS, RAGRS, RAGZRS."
  }
}

variable "blob_soft_delete_days" {
  type        = number
  description = "Days a deleted blob or container can still be restored."
  default     = 14

  validation {
    condition     = var.blob_soft_delete_days >= 1 && var.blob_soft_delete_days <= 365
    error_message = "blob_soft_delete_days must be from 1 to 365."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Days the Log Analytics workspace behind Application Insights keeps telemetry."
  default     = 30

  validation {
    condition     = var.log_retention_days >= 30 && var.log_retention_days <= 730
    error_message = "log_retention_days must be from 30 to 730."
  }
}

variable "key_vault_soft_delete_days" {
  type        = number
  description = "Days a deleted Key Vault or secret stays recoverable (purge protection keeps it that long)."
  default     = 90

  validation {
    condition     = var.key_vault_soft_delete_days >= 7 && var.key_vault_soft_delete_days <= 90
    error_message = "key_vault_soft_delete_days must be from 7 to 90."
  }
}

variable "client_key_version" {
  type        = number
  description = "Version of the clients' function key; increase it by one to rotate the key (a new value is set on the app and in Key Vault)."
  default     = 1

  validation {
    condition     = var.client_key_version >= 1 && floor(var.client_key_version) == var.client_key_version
    error_message = "client_key_version must be a whole number of at least 1."
  }
}

variable "deployer_principal_id" {
  type        = string
  description = "Optional Entra object ID of a person or pipeline that seeds models and training data: it gets Storage Blob Data Contributor on the models and training-data containers and Key Vault Secrets User on the vault. Null grants nothing."
  default     = null

  validation {
    condition     = var.deployer_principal_id == null || can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.deployer_principal_id))
    error_message = "deployer_principal_id must be null or an object ID (a GUID)."
  }
}

variable "tags" {
  type        = map(string)
  description = "Extra tags merged onto every resource; application, environment and managed-by are always set."
  default     = {}
}
