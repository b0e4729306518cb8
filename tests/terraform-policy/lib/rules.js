'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { repoRoot, requiredProviders, strings } = require('./model');

const FUNCTION_APP_TYPES = new Set([
  'azurerm_function_app_flex_consumption', 'azurerm_linux_function_app', 'azurerm_windows_function_app',
]);
const FORBIDDEN_ROLES = new Set([
  'Owner', 'Contributor', 'User Access Administrator', 'Role Based Access Control Administrator',
  'Storage Account Contributor', 'Storage Blob Data Owner', 'Key Vault Administrator',
]);
const REQUIRED_APP_SETTINGS = [
  'ModelStore__ContainerUri', 'ModelStore__ModelName', 'TrainingData__ContainerUri', 'Predictions__ContainerUri', 'RetrainQueue__QueueServiceUri',
  'RetrainQueue__QueueName', 'RetrainQueueConnection__queueServiceUri', 'KeyVault__Uri', 'Retraining__Schedule',
  'Training__DefaultDataset', 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
];
const LOCAL_SETTINGS_EXAMPLE = path.join(repoRoot, 'local.settings.json.example');
// Settings of local.settings.json.example that Terraform must not set as they are, each with the reason and, where
// Azure needs one, the setting that takes its place (a name, or a test of the app for what the provider sets).
const LOCAL_ONLY_SETTINGS = {
  FUNCTIONS_WORKER_RUNTIME: {
    reason: 'Flex Consumption takes the worker runtime from runtime_name and refuses this app setting',
    azure: { name: 'runtime_name = "dotnet-isolated"', isSet: (app) => app.body.runtime_name === 'dotnet-isolated' },
  },
  AzureWebJobsStorage: {
    reason: 'a connection string carries the account key; Azure uses the identity-based host storage settings (the empty value in function_app.tf is a provider workaround, see AF_IDENTITY_HOST_STORAGE)',
    azure: {
      name: 'AzureWebJobsStorage__accountName (or __blobServiceUri with __queueServiceUri)',
      isSet: (app) => {
        const settings = appSettings(app) ?? {};
        return Boolean(settings.AzureWebJobsStorage__accountName
          || (settings.AzureWebJobsStorage__blobServiceUri && settings.AzureWebJobsStorage__queueServiceUri));
      },
    },
  },
  ModelStore__ConnectionString: {
    reason: 'a connection string (Azurite) carries a key; Azure reaches the models container with the managed identity',
    azure: 'ModelStore__ContainerUri',
  },
  ModelStore__ContainerName: {
    reason: 'read only with ModelStore__ConnectionString; in Azure the container is the last segment of ModelStore__ContainerUri',
  },
  TrainingData__ConnectionString: {
    reason: 'a connection string (Azurite) carries a key; Azure reaches the training-data container with the managed identity',
    azure: 'TrainingData__ContainerUri',
  },
  TrainingData__ContainerName: {
    reason: 'read only with TrainingData__ConnectionString; in Azure the container is the last segment of TrainingData__ContainerUri',
  },
  Predictions__ConnectionString: {
    reason: 'a connection string (Azurite) carries a key; Azure reaches the predictions container with the managed identity',
    azure: 'Predictions__ContainerUri',
  },
  Predictions__ContainerName: {
    reason: 'read only with Predictions__ConnectionString; in Azure the container is the last segment of Predictions__ContainerUri',
  },
  RetrainQueue__ConnectionString: {
    reason: 'a connection string (Azurite) carries a key; Azure reaches the queue service with the managed identity',
    azure: 'RetrainQueue__QueueServiceUri',
  },
  RetrainQueueConnection: {
    reason: "the queue trigger's connection as a connection string (Azurite); in Azure the same prefix takes the identity-based __queueServiceUri",
    azure: 'RetrainQueueConnection__queueServiceUri',
  },
};
// Settings the provider writes from a dedicated argument instead of app_settings.
const PROVIDER_WRITTEN_SETTINGS = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: (app) => block(app.body, 'site_config')?.application_insights_connection_string,
};
// Variables whose every value is valid, with the reason a validation block would add nothing.
const UNVALIDATED_VARIABLES = { tags: 'any map of strings is a valid set of extra tags' };

const ofType = (model, type) => model.resources.filter((r) => r.type === type);
const functionApps = (model) => model.resources.filter((r) => FUNCTION_APP_TYPES.has(r.type));
const block = (body, name) => (Array.isArray(body?.[name]) ? body[name][0] : undefined);
const expr = (text) => `\${${text}}`;
const referencedAddress = (value) => /^\$\{((?:azurerm|azapi|random|time)_[a-z0-9_]+\.[a-z0-9_]+)[.[]/.exec(value ?? '')?.[1];
const byAddress = (model, address) => model.resources.find((r) => r.address === address);

function resolveLocal(model, value) {
  const match = /^\$\{local\.([a-z0-9_]+)\}$/.exec(value ?? '');
  return match ? model.locals[match[1]] : value;
}

// Resolves `each.value.<key>` against a literal for_each map, so that every instance can be inspected.
function instances(resource, key) {
  const value = resource.body[key];
  const each = /^\$\{each\.value\.([a-z0-9_]+)\}$/.exec(value ?? '');
  const forEach = resource.body.for_each;
  if (!each) return [value];
  if (!forEach || typeof forEach !== 'object') return [undefined];
  return Object.values(forEach).map((item) => item?.[each[1]]);
}

// The literal a Terraform value stands for, when it is a literal or a plain reference to a variable default, a local
// or a resource's name; undefined when it depends on anything else.
function literalValue(model, value) {
  if (typeof value !== 'string') return undefined;
  if (!value.includes('${')) return value;
  const variable = /^\$\{var\.([a-z0-9_]+)\}$/.exec(value);
  if (variable) return model.variables.find((v) => v.name === variable[1])?.body.default;
  const local = /^\$\{local\.([a-z0-9_]+)\}$/.exec(value);
  if (local) return literalValue(model, model.locals[local[1]]);
  const name = /^\$\{((?:azurerm|azapi)_[a-z0-9_]+\.[a-z0-9_]+)\.name\}$/.exec(value);
  if (name) return literalValue(model, byAddress(model, name[1])?.body.name);
  return undefined;
}

function localSettingsExample() {
  return JSON.parse(fs.readFileSync(LOCAL_SETTINGS_EXAMPLE, 'utf8')).Values ?? {};
}

// The diagnostic settings whose target is `${<address>.id}` followed by `suffix` (a sub-resource such as a
// storage service), as written in terraform/.
function diagnosticSettingsOf(model, address, suffix = '') {
  return ofType(model, 'azurerm_monitor_diagnostic_setting')
    .filter((d) => d.body.target_resource_id === `\${${address}.id}${suffix}`);
}

function blocks(body, name) {
  return Array.isArray(body?.[name]) ? body[name] : [];
}

// What a resource is missing for its logs (and metrics) to reach the Log Analytics workspace through one of its
// diagnostic settings; an empty list when one setting covers everything.
function diagnosticGaps(model, resource, suffix, { logs, groups = [], metrics = [] }) {
  const target = `${resource.address}${suffix}`;
  const settings = diagnosticSettingsOf(model, resource.address, suffix);
  if (settings.length === 0) return [`${target}: no azurerm_monitor_diagnostic_setting targets it`];
  const gaps = settings.map((d) => {
    const missing = [];
    if (!/^\$\{azurerm_log_analytics_workspace\.[a-z0-9_]+\.id\}$/.test(d.body.log_analytics_workspace_id ?? '')) {
      missing.push('log_analytics_workspace_id must reference the azurerm_log_analytics_workspace');
    }
    const categories = blocks(d.body, 'enabled_log').map((l) => l.category);
    const coveredByGroup = blocks(d.body, 'enabled_log').some((l) => groups.includes(l.category_group));
    if (!coveredByGroup) {
      const absent = logs.filter((c) => !categories.includes(c));
      if (absent.length > 0) missing.push(`enabled_log lacks ${absent.join(', ')}`);
    }
    const metricCategories = blocks(d.body, 'enabled_metric').map((x) => x.category);
    const absentMetrics = metrics.filter((c) => !metricCategories.includes(c));
    if (absentMetrics.length > 0) missing.push(`enabled_metric lacks ${absentMetrics.join(', ')}`);
    return { address: d.address, missing };
  });
  if (gaps.some((g) => g.missing.length === 0)) return [];
  return gaps.map((g) => `${g.address} (for ${target}): ${g.missing.join('; ')}`);
}

const STORAGE_SERVICE_LOGS = { logs: ['StorageRead', 'StorageWrite', 'StorageDelete'], groups: ['allLogs'], metrics: ['Transaction'] };
// Where a secret may appear in configuration without reaching state: write-only arguments and ephemeral blocks.
const WRITE_ONLY_ARGUMENTS = { azurerm_key_vault_secret: ['value_wo'], azapi_resource_action: ['sensitive_body'], azapi_resource: ['sensitive_body'], azapi_update_resource: ['sensitive_body'], azapi_data_plane_resource: ['sensitive_body'] };
const SECRET_REFERENCE = /\b(random_password\.[a-z0-9_]+\.(result|bcrypt_hash)|(data\.)?azurerm_key_vault_secret\.[a-z0-9_]+\.value)\b/;

// A check that every resource of a type sets an attribute to one value; an absent attribute counts as `absent`.
function requires(type, attribute, value, absent) {
  return (m) => ofType(m, type)
    .filter((r) => (r.body[attribute] ?? absent) !== value)
    .map((r) => `${r.address}: ${attribute} must be ${JSON.stringify(value)}`);
}

function appSettings(app) {
  return app.body.app_settings && typeof app.body.app_settings === 'object' ? app.body.app_settings : undefined;
}

const rules = [
  {
    id: 'CKV_AZURE_3',
    title: 'storage accounts accept HTTPS traffic only',
    bad: 'azurerm_storage_account.bad',
    check: requires('azurerm_storage_account', 'https_traffic_only_enabled', true),
  },
  {
    id: 'CKV_AZURE_44',
    title: 'storage accounts require TLS 1.2',
    bad: 'azurerm_storage_account.bad',
    check: requires('azurerm_storage_account', 'min_tls_version', 'TLS1_2'),
  },
  {
    id: 'CKV_AZURE_190',
    title: 'storage accounts forbid anonymous (public) blob access',
    bad: 'azurerm_storage_account.bad',
    check: requires('azurerm_storage_account', 'allow_nested_items_to_be_public', false),
  },
  {
    id: 'CKV_AZURE_34',
    title: 'blob containers are private',
    bad: 'azurerm_storage_container.public',
    check: requires('azurerm_storage_container', 'container_access_type', 'private', 'private'),
  },
  {
    id: 'CKV2_AZURE_40',
    title: 'storage accounts disable Shared Key authorization and nothing uses an account key',
    bad: 'azurerm_storage_account.bad',
    check: (m) => {
      const out = ofType(m, 'azurerm_storage_account')
        .filter((r) => r.body.shared_access_key_enabled !== false)
        .map((r) => `${r.address}: shared_access_key_enabled must be false`);
      for (const r of [...m.resources, ...m.outputs]) {
        for (const text of strings(r.body)) {
          const key = /azurerm_storage_account\.[a-z0-9_]+\.[a-z_]*(access_key|connection_string)\b/.exec(text);
          if (key) out.push(`${r.address ?? `output.${r.name}`}: uses the account key (${key[0]})`);
        }
      }
      return out;
    },
  },
  {
    id: 'CKV2_AZURE_38',
    title: 'blob and container soft delete are on',
    bad: 'azurerm_storage_account.bad',
    check: (m) => ofType(m, 'azurerm_storage_account')
      .filter((r) => {
        const blob = block(r.body, 'blob_properties');
        return !block(blob, 'delete_retention_policy')?.days || !block(blob, 'container_delete_retention_policy')?.days;
      })
      .map((r) => `${r.address}: blob_properties needs delete_retention_policy and container_delete_retention_policy with days`),
  },
  {
    id: 'AF_BLOB_VERSIONING',
    title: 'blob versioning is on (model versions are never silently overwritten)',
    bad: 'azurerm_storage_account.bad',
    check: (m) => ofType(m, 'azurerm_storage_account')
      .filter((r) => block(r.body, 'blob_properties')?.versioning_enabled !== true)
      .map((r) => `${r.address}: blob_properties.versioning_enabled must be true`),
  },
  {
    id: 'CKV_AZURE_110',
    title: 'Key Vault purge protection is on',
    bad: 'azurerm_key_vault.bad',
    check: requires('azurerm_key_vault', 'purge_protection_enabled', true),
  },
  {
    id: 'AZURE_POLICY_12d4fa5e',
    title: 'Key Vault uses the RBAC permission model, not access policies',
    bad: 'azurerm_key_vault.bad',
    check: (m) => [
      ...ofType(m, 'azurerm_key_vault')
        .filter((r) => r.body.rbac_authorization_enabled !== true || r.body.access_policy !== undefined)
        .map((r) => `${r.address}: rbac_authorization_enabled must be true and access_policy unset`),
      ...ofType(m, 'azurerm_key_vault_access_policy').map((r) => `${r.address}: access policies are not used`),
    ],
  },
  {
    id: 'CKV_AZURE_114',
    title: 'Key Vault secrets declare a content type',
    bad: 'azurerm_key_vault_secret.bad',
    check: (m) => ofType(m, 'azurerm_key_vault_secret')
      .filter((r) => !r.body.content_type)
      .map((r) => `${r.address}: content_type must be set`),
  },
  {
    id: 'AF_SECRETS_WRITE_ONLY',
    title: 'secrets reach Azure only through ephemeral values and write-only arguments, never through state',
    bad: 'azurerm_key_vault_secret.bad',
    badReports: [
      'random_password.in_state: a managed random_password keeps its result in state',
      'azurerm_key_vault_secret.bad: use value_wo with value_wo_version instead of value',
      'azapi_resource_action.key_in_body: body carries a secret',
      'azapi_resource_action.key_in_body: sensitive_body needs lifecycle.replace_triggered_by',
      'azapi_resource_action.key_in_body: no sensitive_body_version on an action',
      'required_version must be at least 1.11',
    ],
    check: (m) => {
      const out = [];
      for (const r of ofType(m, 'random_password')) {
        out.push(`${r.address}: a managed random_password keeps its result in state; use ephemeral "random_password"`);
      }
      for (const r of ofType(m, 'azurerm_key_vault_secret')) {
        if (r.body.value !== undefined || r.body.value_wo === undefined) {
          out.push(`${r.address}: use value_wo with value_wo_version instead of value`);
        } else if (r.body.value_wo_version === undefined) {
          out.push(`${r.address}: value_wo needs value_wo_version, or a new value is never written`);
        }
      }
      for (const r of m.resources.filter((x) => x.type.startsWith('azapi_'))) {
        const secret = strings(r.body.body).find((text) => SECRET_REFERENCE.test(text));
        if (secret) out.push(`${r.address}: body carries a secret (${secret}); move it to sensitive_body`);
        if (r.type === 'azapi_resource_action' && r.body.sensitive_body !== undefined) {
          if (r.body.sensitive_body_version !== undefined) {
            out.push(`${r.address}: no sensitive_body_version on an action: an update made for another reason would send the request without the write-only values`);
          }
          if (!block(r.body, 'lifecycle')?.replace_triggered_by) {
            out.push(`${r.address}: sensitive_body needs lifecycle.replace_triggered_by on the resource that versions the secret, or a rotated value is never sent`);
          }
        }
      }
      for (const o of m.outputs) {
        const secret = strings(o.body.value).find((text) => SECRET_REFERENCE.test(text) || text.includes('ephemeral.'));
        if (secret) out.push(`output.${o.name}: exposes a secret (${secret})`);
      }
      const writeOnlyUsed = m.resources.some((r) => (WRITE_ONLY_ARGUMENTS[r.type] ?? []).some((a) => r.body[a] !== undefined));
      const required = m.terraform.map((t) => t.body.required_version).find(Boolean) ?? '';
      if ((writeOnlyUsed || m.ephemeral.length > 0) && !/^\s*(~>|>=)\s*1\.(1[1-9]|[2-9]\d)\b/.test(required)) {
        out.push(`terraform.required_version must be at least 1.11 for ephemeral values and write-only arguments (is "${required}")`);
      }
      return out;
    },
  },
  {
    id: 'AF_KEY_VAULT_NO_SETTING_OVERRIDE',
    title: 'no Key Vault secret Terraform writes shadows an app setting (a secret Section--Key loads as Section:Key at start)',
    bad: 'azurerm_key_vault_secret.shadows_setting',
    check: (m) => {
      const settings = new Map(functionApps(m).flatMap((app) => Object.keys(appSettings(app) ?? {}).map((k) => [k.toLowerCase(), `${app.address}.app_settings.${k}`])));
      return ofType(m, 'azurerm_key_vault_secret').flatMap((r) => {
        const name = literalValue(m, r.body.name);
        if (name === undefined) return [`${r.address}: name must be a literal or a local, so it can be checked against the app settings`];
        const shadowed = settings.get(name.replaceAll('--', '__').toLowerCase());
        return shadowed ? [`${r.address}: secret "${name}" would override ${shadowed} when the app loads Key Vault`] : [];
      });
    },
  },
  {
    id: 'AZURE_POLICY_cf820ca0',
    title: 'Key Vault resource logs (AuditEvent) go to the Log Analytics workspace',
    bad: 'azurerm_key_vault.bad',
    check: (m) => ofType(m, 'azurerm_key_vault')
      .flatMap((r) => diagnosticGaps(m, r, '', { logs: ['AuditEvent'], groups: ['audit', 'allLogs'] })),
  },
  {
    id: 'CKV2_AZURE_21',
    title: 'Blob service reads, writes and deletes (and Transaction metrics) are logged to the workspace (met with a diagnostic setting)',
    bad: 'azurerm_storage_account.bad/blobServices/default',
    check: (m) => ofType(m, 'azurerm_storage_account')
      .flatMap((r) => diagnosticGaps(m, r, '/blobServices/default', STORAGE_SERVICE_LOGS)),
  },
  {
    id: 'CKV_AZURE_33',
    title: 'Queue service reads, writes and deletes (and Transaction metrics) are logged to the workspace (met with a diagnostic setting)',
    bad: 'azurerm_storage_account.bad/queueServices/default',
    badReports: [
      'azurerm_monitor_diagnostic_setting.partial_queue (for azurerm_storage_account.bad/queueServices/default): log_analytics_workspace_id must reference the azurerm_log_analytics_workspace; enabled_log lacks StorageWrite, StorageDelete; enabled_metric lacks Transaction',
    ],
    check: (m) => ofType(m, 'azurerm_storage_account')
      .flatMap((r) => diagnosticGaps(m, r, '/queueServices/default', STORAGE_SERVICE_LOGS)),
  },
  {
    id: 'PSRULE_Azure.AppInsights.LocalAuth',
    title: 'Application Insights has local (instrumentation key) authentication disabled',
    bad: 'azurerm_application_insights.bad',
    check: requires('azurerm_application_insights', 'local_authentication_enabled', false),
  },
  {
    id: 'PSRULE_Azure.AppInsights.Workspace',
    title: 'Application Insights is workspace-based',
    bad: 'azurerm_application_insights.bad',
    check: (m) => ofType(m, 'azurerm_application_insights')
      .filter((r) => !/^\$\{azurerm_log_analytics_workspace\.[a-z0-9_]+\.id\}$/.test(r.body.workspace_id ?? ''))
      .map((r) => `${r.address}: workspace_id must reference an azurerm_log_analytics_workspace`),
  },
  {
    id: 'CKV_AZURE_70',
    title: 'function apps are HTTPS only',
    bad: 'azurerm_function_app_flex_consumption.bad',
    check: (m) => functionApps(m)
      .filter((r) => r.body.https_only !== true)
      .map((r) => `${r.address}: https_only must be true`),
  },
  {
    id: 'CKV_AZURE_145',
    title: 'function apps require TLS 1.2 on the site and on SCM',
    bad: 'azurerm_function_app_flex_consumption.bad',
    check: (m) => functionApps(m)
      .filter((r) => {
        const site = block(r.body, 'site_config');
        return site?.minimum_tls_version !== '1.2' || site?.scm_minimum_tls_version !== '1.2';
      })
      .map((r) => `${r.address}: site_config.minimum_tls_version and scm_minimum_tls_version must be "1.2"`),
  },
  {
    id: 'CKV_AZURE_71',
    title: 'function apps have a system-assigned managed identity',
    bad: 'azurerm_function_app_flex_consumption.bad',
    check: (m) => functionApps(m)
      .filter((r) => !/\bSystemAssigned\b/.test(block(r.body, 'identity')?.type ?? ''))
      .map((r) => `${r.address}: identity.type must include SystemAssigned`),
  },
  {
    id: 'AF_FUNC_RUNTIME',
    title: 'the function app runs dotnet-isolated 10.0',
    bad: 'azurerm_function_app_flex_consumption.bad',
    check: (m) => ofType(m, 'azurerm_function_app_flex_consumption')
      .filter((r) => r.body.runtime_name !== 'dotnet-isolated' || r.body.runtime_version !== '10.0')
      .map((r) => `${r.address}: runtime must be dotnet-isolated 10.0`),
  },
  {
    id: 'AF_IDENTITY_HOST_STORAGE',
    title: 'host storage is identity-based (AzureWebJobsStorage__accountName) with no key-bearing AzureWebJobsStorage',
    bad: 'azurerm_function_app_flex_consumption.bad',
    check: (m) => functionApps(m).flatMap((r) => {
      const out = [];
      const settings = appSettings(r) ?? {};
      if (r.type === 'azurerm_function_app_flex_consumption' && !/AssignedIdentity$/.test(r.body.storage_authentication_type ?? '')) {
        out.push(`${r.address}: storage_authentication_type must be SystemAssignedIdentity or UserAssignedIdentity`);
      }
      for (const key of ['storage_access_key', 'storage_account_access_key']) {
        if (r.body[key] !== undefined) out.push(`${r.address}: ${key} must not be set`);
      }
      if (!settings.AzureWebJobsStorage__accountName && !settings.AzureWebJobsStorage__blobServiceUri) {
        out.push(`${r.address}: app_settings needs AzureWebJobsStorage__accountName`);
      }
      if ('AzureWebJobsStorage' in settings) {
        if (settings.AzureWebJobsStorage !== '') {
          out.push(`${r.address}: AzureWebJobsStorage must not carry a connection string`);
        } else if (!/github\.com\/hashicorp\/terraform-provider-azurerm\/issues\/\d+/.test(m.files[r.file])) {
          out.push(`${r.address}: the empty AzureWebJobsStorage workaround needs a comment with its provider issue link`);
        }
      }
      return out;
    }),
  },
  {
    id: 'AF_APP_SETTINGS_CONTRACT',
    title: 'the app settings the application reads are all set, with the contract values',
    bad: 'azurerm_function_app_flex_consumption.bad',
    check: (m) => {
      const out = [];
      const names = (type) => ofType(m, type).map((r) => r.body.name);
      for (const container of ['models', 'training-data', 'predictions']) {
        if (!names('azurerm_storage_container').includes(container)) out.push(`container "${container}" is missing`);
      }
      if (!names('azurerm_storage_queue').includes('retrain-requests')) out.push('queue "retrain-requests" is missing');
      for (const r of ofType(m, 'azurerm_function_app_flex_consumption')) {
        const settings = appSettings(r) ?? {};
        for (const name of REQUIRED_APP_SETTINGS) {
          if (!settings[name]) out.push(`${r.address}: app setting ${name} is missing`);
        }
        const connection = settings.APPLICATIONINSIGHTS_CONNECTION_STRING ?? block(r.body, 'site_config')?.application_insights_connection_string;
        if (!/azurerm_application_insights\.[a-z0-9_]+\.connection_string/.test(connection ?? '')) {
          out.push(`${r.address}: APPLICATIONINSIGHTS_CONNECTION_STRING must come from Application Insights`);
        }
        const queue = byAddress(m, referencedAddress(settings.RetrainQueue__QueueName));
        const queueName = queue ? queue.body.name : settings.RetrainQueue__QueueName;
        const expected = [
          [resolveLocal(m, settings.ModelStore__ModelName) === 'archive-forecast', 'ModelStore__ModelName must be archive-forecast'],
          [queueName === 'retrain-requests', 'RetrainQueue__QueueName must be retrain-requests'],
          [settings.Retraining__Schedule === expr('var.retraining_schedule'), 'Retraining__Schedule must come from var.retraining_schedule'],
          [settings.Training__DefaultDataset === expr('var.training_default_dataset'), 'Training__DefaultDataset must come from var.training_default_dataset'],
          [/\.vault_uri\}$/.test(settings.KeyVault__Uri ?? ''), 'KeyVault__Uri must be the vault URI'],
          [settings.APPLICATIONINSIGHTS_AUTHENTICATION_STRING === 'Authorization=AAD', 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING must be Authorization=AAD'],
        ];
        for (const [ok, message] of expected) if (!ok) out.push(`${r.address}: ${message}`);
      }
      const schedule = m.variables.find((v) => v.name === 'retraining_schedule');
      if (schedule?.body.default !== '0 0 3 1 * *') out.push('variable retraining_schedule must default to "0 0 3 1 * *"');
      return out;
    },
  },
  {
    id: 'AF_APP_SETTINGS_PARITY',
    title: 'every setting of local.settings.json.example is set in Azure, as it is or in its identity-based form, or is local-only with a reason',
    bad: 'azurerm_function_app_flex_consumption.bad',
    badReports: [
      'bad: app setting KeyVault__Uri of local.settings.json.example is not set',
      'bad: ModelStore__ContainerUri is missing (the Azure form of local ModelStore__ConnectionString)',
      'bad: ModelStore__ConnectionString is local-only',
      'bad: Training__DefaultDataset defaults to "other.csv" in Azure but "archive.csv" locally',
      'unlinked_workaround: app setting APPLICATIONINSIGHTS_CONNECTION_STRING of local.settings.json.example is not set',
    ],
    check: (m) => {
      const local = localSettingsExample();
      const out = Object.keys(LOCAL_ONLY_SETTINGS)
        .filter((name) => !(name in local))
        .map((name) => `LOCAL_ONLY_SETTINGS lists ${name}, which local.settings.json.example no longer sets`);
      for (const app of functionApps(m)) {
        const settings = appSettings(app) ?? {};
        for (const [name, localValue] of Object.entries(local)) {
          const localOnly = LOCAL_ONLY_SETTINGS[name];
          if (localOnly) {
            const azure = typeof localOnly.azure === 'string' ? { name: localOnly.azure, isSet: () => Boolean(settings[localOnly.azure]) } : localOnly.azure;
            if (azure && !azure.isSet(app)) out.push(`${app.address}: ${azure.name} is missing (the Azure form of local ${name})`);
            if (name in settings && !(name === 'AzureWebJobsStorage' && settings[name] === '')) {
              out.push(`${app.address}: ${name} is local-only (${localOnly.reason}) but app_settings sets it`);
            }
            continue;
          }
          const value = name in settings ? settings[name] : PROVIDER_WRITTEN_SETTINGS[name]?.(app);
          if (!value) {
            out.push(`${app.address}: app setting ${name} of local.settings.json.example is not set (set it, or list it in LOCAL_ONLY_SETTINGS with a reason)`);
            continue;
          }
          const azureValue = literalValue(m, value);
          if (localValue !== '' && azureValue !== undefined && azureValue !== localValue) {
            out.push(`${app.address}: ${name} defaults to "${azureValue}" in Azure but "${localValue}" locally`);
          }
        }
      }
      return out;
    },
  },
  {
    id: 'AF_RBAC_LEAST_PRIVILEGE',
    title: 'role assignments are named, never Owner/Contributor-like, and storage data roles are scoped to a container or queue',
    bad: 'azurerm_role_assignment.owner',
    check: (m) => ofType(m, 'azurerm_role_assignment').flatMap((r) => {
      const out = [];
      if (r.body.role_definition_id !== undefined) out.push(`${r.address}: use role_definition_name so the role can be reviewed`);
      const roles = instances(r, 'role_definition_name');
      const scopes = instances(r, 'scope');
      roles.forEach((role, i) => {
        const scope = scopes[i] ?? scopes[0] ?? '';
        if (typeof role !== 'string' || role.startsWith('${')) {
          out.push(`${r.address}: role_definition_name must be a literal (directly or in a literal for_each map)`);
          return;
        }
        if (FORBIDDEN_ROLES.has(role)) out.push(`${r.address}: role "${role}" is broader than any identity here needs`);
        if (/azurerm_resource_group\.|azurerm_subscription|^\/subscriptions\/[^/]+\/?$/.test(scope)) {
          out.push(`${r.address}: scope must be a resource, not a subscription or resource group`);
        }
        if (role.startsWith('Storage Blob Data') && !/azurerm_storage_container\./.test(scope)) {
          out.push(`${r.address}: "${role}" must be scoped to a blob container`);
        }
        if (role.startsWith('Storage Queue Data') && !/azurerm_storage_queue\./.test(scope)) {
          out.push(`${r.address}: "${role}" must be scoped to a queue`);
        }
      });
      return out;
    }),
  },
  {
    id: 'AF_APP_IDENTITY_ROLES',
    title: 'the app identity has the data roles it needs: models, retraining queue, Key Vault secrets, telemetry',
    bad: 'azurerm_function_app_flex_consumption.bad',
    check: (m) => functionApps(m).flatMap((app) => {
      const granted = [];
      for (const r of ofType(m, 'azurerm_role_assignment')) {
        if (!(r.body.principal_id ?? '').includes(`${app.address}.identity`)) continue;
        const roles = instances(r, 'role_definition_name');
        const scopes = instances(r, 'scope');
        roles.forEach((role, i) => {
          const target = byAddress(m, referencedAddress(scopes[i] ?? scopes[0]));
          granted.push({ role, type: target?.type, name: target?.body.name });
        });
      }
      const needs = [
        { role: 'Storage Blob Data Contributor', type: 'azurerm_storage_container', name: 'models' },
        { role: 'Storage Queue Data Contributor', type: 'azurerm_storage_queue', name: 'retrain-requests' },
        { role: 'Key Vault Secrets User', type: 'azurerm_key_vault' },
        { role: 'Monitoring Metrics Publisher', type: 'azurerm_application_insights' },
      ];
      return needs
        .filter((need) => !granted.some((g) => g.role === need.role && g.type === need.type && (!need.name || g.name === need.name)))
        .map((need) => `${app.address}: identity lacks ${need.role} on ${need.type}${need.name ? ` "${need.name}"` : ''}`);
    }),
  },
  {
    id: 'AF_BATCH_STORAGE_ACCESS',
    title: 'batch jobs: the app writes to the predictions container at its scope, and only reads the training-data container',
    bad: 'azurerm_function_app_flex_consumption.bad',
    badReports: [
      'bad: identity lacks Storage Blob Data Contributor on the predictions container',
      'bad: identity may write the training-data container (Storage Blob Data Contributor); batch jobs and training only read it',
    ],
    check: (m) => functionApps(m).flatMap((app) => {
      const granted = [];
      for (const r of ofType(m, 'azurerm_role_assignment')) {
        if (!(r.body.principal_id ?? '').includes(`${app.address}.identity`)) continue;
        const roles = instances(r, 'role_definition_name');
        const scopes = instances(r, 'scope');
        roles.forEach((role, i) => {
          const target = byAddress(m, referencedAddress(scopes[i] ?? scopes[0]));
          granted.push({ role, type: target?.type, name: target?.body.name });
        });
      }
      const onContainer = (name) => granted.filter((g) => g.type === 'azurerm_storage_container' && g.name === name);
      const out = [];
      if (!onContainer('predictions').some((g) => g.role === 'Storage Blob Data Contributor')) {
        out.push(`${app.address}: identity lacks Storage Blob Data Contributor on the predictions container`);
      }
      const data = onContainer('training-data');
      if (!data.some((g) => g.role === 'Storage Blob Data Reader')) {
        out.push(`${app.address}: identity lacks Storage Blob Data Reader on the training-data container`);
      }
      for (const g of data.filter((d) => d.role !== 'Storage Blob Data Reader')) {
        out.push(`${app.address}: identity may write the training-data container (${g.role}); batch jobs and training only read it`);
      }
      return out;
    }),
  },
  {
    id: 'AF_TAGS',
    title: 'every resource that takes tags gets the one tags local, built from var.tags',
    bad: 'azurerm_storage_account.bad',
    check: (m, ctx) => {
      const schemas = ctx.schemas();
      const out = [];
      if (!/\bvar\.tags\b/.test(String(m.locals.tags ?? ''))) out.push('local.tags must exist and merge var.tags');
      for (const r of m.resources) {
        const spec = schemas[r.type.split('_')[0]]?.resource?.[r.type];
        if (spec?.arguments?.tags && r.body.tags !== expr('local.tags')) out.push(`${r.address}: tags must be local.tags`);
      }
      return out;
    },
  },
  {
    id: 'AF_VARIABLES',
    title: 'every variable has a type, a description, a default and a validation block',
    bad: 'variable.untyped',
    check: (m) => m.variables.flatMap((v) => {
      const out = [];
      if (!v.body.type) out.push(`variable.${v.name}: type is missing`);
      if (!v.body.description) out.push(`variable.${v.name}: description is missing`);
      if (!('default' in v.body)) out.push(`variable.${v.name}: default is missing`);
      if (!v.body.validation && !(v.name in UNVALIDATED_VARIABLES)) out.push(`variable.${v.name}: validation is missing`);
      return out;
    }),
  },
  {
    id: 'AF_OUTPUTS',
    title: 'every output is described',
    bad: 'output.undescribed',
    check: (m) => m.outputs
      .filter((o) => !o.body.description)
      .map((o) => `output.${o.name}: description is missing`),
  },
  {
    id: 'AF_PROVIDERS_PINNED',
    title: 'Terraform and every provider in use are pinned to exact versions',
    bad: 'required_providers',
    check: (m) => {
      const out = [];
      const pins = requiredProviders(m);
      if (!m.terraform.some((t) => t.body.required_version)) out.push('terraform.required_version is missing');
      for (const [name, pin] of Object.entries(pins)) {
        if (!pin?.source || !/^\d+\.\d+\.\d+$/.test(pin?.version ?? '')) {
          out.push(`required_providers.${name}: needs a source and an exact version`);
        }
      }
      for (const r of [...m.resources, ...m.data, ...m.ephemeral]) {
        const provider = r.type.split('_')[0];
        if (!(provider in pins)) out.push(`required_providers: ${provider} (used by ${r.address}) is not declared`);
      }
      return out;
    },
  },
];

module.exports = { rules };
