namespace Microsoft.Azure.Functions.Worker;

/// <summary>Offline declaration of the HTTP key levels (Worker.Extensions.Http), with the package's values.</summary>
public enum AuthorizationLevel
{
    /// <summary>No key.</summary>
    Anonymous = 0,

    /// <summary>A user token (App Service authentication).</summary>
    User = 1,

    /// <summary>A function key or the host key.</summary>
    Function = 2,

    /// <summary>A system key.</summary>
    System = 3,

    /// <summary>The master (admin) key.</summary>
    Admin = 4,
}
