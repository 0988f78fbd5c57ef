namespace AutoRfpHex.Core.Accounts;

/// <summary>The AutoRFP role of a user account. Only an active Admin can be impersonated by a SCIM client.</summary>
public enum AccountRole
{
    Member,
    Admin,
}
