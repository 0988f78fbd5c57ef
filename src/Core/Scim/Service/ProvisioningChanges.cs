using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>Classifies a replace or patch by comparing the version read with the version stored.</summary>
internal static class ProvisioningChanges
{
    public static ProvisioningChange Of(ScimResourceRecord before, ScimResourceRecord after)
    {
        if (after.Version == before.Version)
        {
            return ProvisioningChange.Unchanged;
        }

        if (after.Type != ScimResourceType.User)
        {
            return ProvisioningChange.Updated;
        }

        return (UserAccount.IsActive(before.Attributes), UserAccount.IsActive(after.Attributes)) switch
        {
            (true, false) => ProvisioningChange.Deactivated,
            (false, true) => ProvisioningChange.Reactivated,
            _ => ProvisioningChange.Updated,
        };
    }
}
