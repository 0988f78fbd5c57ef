using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Paths;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Validation;

namespace AutoRfpHex.Core.Scim.Patching;

/// <summary>
/// Applies the operations of one PATCH, in order, to a copy of a stored resource (RFC 7644 §3.5.2); any failure
/// throws before anything is stored, so a request is all or nothing. The IdP dialects are normalised here:
/// a path-less value whose keys are paths (<c>name.givenName</c>) or extension URNs, booleans as strings, the
/// enterprise <c>manager</c> as a bare id. In a path-less value, read-only attributes (Okta sends <c>id</c>) and the
/// write-only <c>password</c> are ignored, as in a PUT body; named by <c>path</c>, a read-only attribute is 400
/// <c>mutability</c>. Attributes of schemas this service does not serve are ignored.
/// </summary>
internal sealed class ResourcePatcher
{
    private readonly ScimResourceType type;
    private readonly JsonObject document;
    private readonly GroupMembersPatch? members;
    private bool targetsDocument;

    private ResourcePatcher(ScimResourceType type, ScimResourceRecord record)
    {
        this.type = type;
        document = record.Attributes.DeepClone().AsObject();
        members = type == ScimResourceType.Group ? new GroupMembersPatch(record.Members) : null;
    }

    public static PatchOutcome Apply(ScimResourceType type, ScimResourceRecord record, IReadOnlyList<PatchOperation> operations)
    {
        var patcher = new ResourcePatcher(type, record);
        foreach (var operation in operations)
        {
            Described(operation, () => patcher.Apply(operation));
        }

        foreach (var extension in ScimResourceSchemas.ExtensionsOf(type).Where(e => patcher.document[e.Id] is JsonObject { Count: 0 }))
        {
            patcher.document.Remove(extension.Id);
        }

        ResourceRules.RequireAttributes(type, patcher.document);
        return new PatchOutcome(patcher.document, patcher.members?.Change, !JsonNode.DeepEquals(patcher.document, record.Attributes), patcher.targetsDocument);
    }

    private void Apply(PatchOperation operation)
    {
        if (operation.Path is not null)
        {
            ApplyPath(operation.Kind, operation.Path, operation.Value, impliedByValue: false);
            return;
        }

        if (operation.Kind == PatchOpKind.Remove)
        {
            throw ScimException.BadRequest(ScimErrorTypes.NoTarget, "A remove needs a \"path\" naming what to remove.");
        }

        if (operation.Value is not JsonObject values)
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, "Without a \"path\", \"value\" must be an object of attribute paths and their values.");
        }

        foreach (var (key, value) in values)
        {
            ApplyPath(operation.Kind, key, value, impliedByValue: true);
        }
    }

    private void ApplyPath(PatchOpKind kind, string text, JsonNode? value, bool impliedByValue)
    {
        if (text.Trim().Equals("schemas", StringComparison.OrdinalIgnoreCase))
        {
            return; // "schemas" is derived from the stored data when rendering
        }

        if (ScimPathParser.FindSchema(type, text.Trim()) is { } schema)
        {
            ApplySchemaObject(kind, schema, value);
            return;
        }

        if (ScimPathParser.Parse(type, text) is not { } path)
        {
            return;
        }

        if (path.Attribute.Mutability == AttributeMutability.WriteOnly)
        {
            // Never stored (Okta sends placeholder passwords), but a value of the wrong type is still the client's error.
            AttributeValues.Normalize(path.Attribute, value, path.ToString());
            return;
        }

        if (path.Attribute.Mutability == AttributeMutability.ReadOnly || path.SubAttribute?.Mutability == AttributeMutability.ReadOnly)
        {
            if (!impliedByValue)
            {
                throw ScimException.BadRequest(ScimErrorTypes.Mutability, $"Attribute '{path}' is read-only.");
            }

            return; // read-only data sent back in a path-less value (Okta's "id") is ignored, as in a PUT body
        }

        if (members is not null && path is { Attribute.Name: "members", SchemaUrn: null })
        {
            members.Apply(kind, path, value);
            return;
        }

        targetsDocument = true;
        if (path.Attribute.MultiValued)
        {
            MultiValuedPatch.Apply(type, kind, Container(path.SchemaUrn), path, value);
        }
        else
        {
            SingleValuedPatch.Apply(kind, Container(path.SchemaUrn), path, value);
        }
    }

    /// <summary>A whole schema as the target: an extension's attributes one by one, or its removal.</summary>
    private void ApplySchemaObject(PatchOpKind kind, ScimSchemaDefinition schema, JsonNode? value)
    {
        var isCore = schema.Id == ScimResourceSchemas.CoreSchemaOf(type).Id;
        if (kind == PatchOpKind.Remove || value is null)
        {
            if (isCore)
            {
                throw ScimException.BadRequest(ScimErrorTypes.Mutability, "The core schema of a resource cannot be removed.");
            }

            targetsDocument = true;
            document.Remove(schema.Id);
            return;
        }

        if (value is not JsonObject attributes)
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"The value for '{schema.Id}' must be an object of its attributes.");
        }

        foreach (var (name, inner) in attributes)
        {
            ApplyPath(kind, isCore ? name : $"{schema.Id}:{name}", inner, impliedByValue: true);
        }
    }

    private JsonObject Container(string? schemaUrn)
    {
        if (schemaUrn is null)
        {
            return document;
        }

        if (document[schemaUrn] is not JsonObject container)
        {
            container = [];
            document[schemaUrn] = container;
        }

        return container;
    }

    /// <summary>Runs one step of an operation, prefixing any refusal with which operation it was.</summary>
    private static void Described(PatchOperation operation, Action step)
    {
        try
        {
            step();
        }
        catch (ScimException e)
        {
            throw new ScimException(e.Status, e.ScimType, $"PATCH {operation}: {e.Detail}");
        }
    }
}
