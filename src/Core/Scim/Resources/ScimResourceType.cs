namespace AutoRfpHex.Core.Scim.Resources;

public enum ScimResourceType
{
    User,
    Group,
}
