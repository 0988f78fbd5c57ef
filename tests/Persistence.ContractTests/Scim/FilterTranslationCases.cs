using AutoRfpHex.Core.Scim.Filtering;
using static AutoRfpHex.Persistence.ContractTests.Support.Filters;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

public abstract partial class FilterTranslationContract
{
    private const string Alice = "alice@example.com", Bob = "Bob@Example.com", Elodie = "élodie", Dave = "dave";

    /// <summary>Filters over the seeded users whose result does not depend on generated ids or times.</summary>
    private static readonly Dictionary<string, (FilterNode Filter, string[] Expected)> Cases = new()
    {
        ["userName eq folds case"] = (Eq("userName", "ALICE@example.COM"), [Alice]),
        ["userName eq folds non-ASCII case"] = (Eq("userName", "ÉLODIE"), [Elodie]),
        ["externalId eq is case-exact (no match)"] = (Eq("externalId", "ext-a"), []),
        ["externalId eq is case-exact (match)"] = (Eq("externalId", "ext-A"), [Alice]),
        ["displayName eq folds case"] = (Eq("displayName", "bob builder"), [Bob]),
        ["emails.value eq folds case"] = (Eq("emails.value", "alice@work.EXAMPLE"), [Alice]),
        ["emails.value eq matches any element"] = (Eq("emails.value", "ALICE@HOME.example"), [Alice]),
        ["value path: one element satisfies both"] = (Where("emails", And(Eq("emails.type", "work"), Eq("emails.value", "BOB@work.example"))), [Bob]),
        ["value path: conditions met by different elements do not match"] =
            (Where("emails", And(Eq("emails.type", "home"), Eq("emails.value", "alice@work.example"))), []),
        ["value path on a single complex attribute"] = (Where("name", Eq("name.familyName", "builder")), [Bob]),
        ["not of a value path includes users without the attribute"] = (Not(Where("emails", Eq("emails.type", "work"))), [Elodie, Dave]),
        ["and"] = (And(Sw("userName", "a"), Eq("active", true)), [Alice]),
        ["or"] = (Or(Eq("userName", "dave"), Eq("externalId", "ext-b")), [Dave, Bob]),
        ["and binds tighter than or"] = (Or(Eq("userName", "dave"), And(Eq("active", false), Pr("externalId"))), [Dave, Bob]),
        ["not includes missing and mistyped values"] = (Not(Eq("active", true)), [Bob, Elodie]),
        ["boolean eq never matches a mistyped string"] = (Eq("active", true), [Alice, Dave]),
        ["boolean eq false"] = (Eq("active", false), [Bob]),
        ["ne matches a missing attribute"] = (Ne("title", "engineer"), [Bob, Elodie, Dave]),
        ["ne on a multi-valued attribute means no element equals"] = (Ne("emails.value", "alice@home.example"), [Bob, Elodie, Dave]),
        ["co folds case"] = (Co("displayName", "LIDD"), [Alice]),
        ["sw folds non-ASCII case"] = (Sw("name.familyName", "är"), [Elodie]),
        ["ew on a multi-valued sub-attribute"] = (Ew("emails.value", "@WORK.example"), [Alice, Bob]),
        ["co with an empty string matches every stored string"] = (Co("title", ""), [Alice, Bob, Dave]),
        ["pr skips an empty string"] = (Pr("title"), [Alice, Dave]),
        ["pr skips an empty array"] = (Pr("emails"), [Alice, Bob]),
        ["pr on a sub-attribute"] = (Pr("name.givenName"), [Alice]),
        ["eq null is not present"] = (EqNull("externalId"), [Elodie, Dave]),
        ["ne null is present"] = (NeNull("externalId"), [Alice, Bob]),
        ["gt orders folded strings by code point"] = (Gt("userName", "C"), [Elodie, Dave]),
        ["le includes equality after folding"] = (Le("userName", "bob@example.com"), [Alice, Bob]),
        ["lt with non-ASCII"] = (Lt("displayName", "É"), [Alice, Bob]),
        ["extension attribute eq"] = (Eq($"{Enterprise}:employeeNumber", "100"), [Alice]),
        ["extension attribute co folds case"] = (Co($"{Enterprise}:department", "r&d"), [Alice]),
        ["extension attribute ne matches users without the extension"] = (Ne($"{Enterprise}:department", "sales"), [Alice, Bob, Elodie]),
        ["meta.resourceType"] = (Eq("meta.resourceType", "User"), [Alice, Bob, Elodie, Dave]),
        ["unknown sub-attribute never matches"] = (Eq("name.nickname", "x"), []),
    };
}
