namespace AutoRfpHex.Core.ProvisioningLog;

/// <summary>
/// What a successful SCIM write did to the resource, so an admin can tell a deactivation (the user is kept and can no
/// longer sign in to AutoRFP) from a deletion, and an identity provider's harmless re-send from a real change.
/// </summary>
public enum ProvisioningChange
{
    Created,
    Updated,
    Deactivated,
    Reactivated,
    Deleted,
    Unchanged,
}
