using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Scim.Patching;
using AutoRfpHex.Core.Scim.Rendering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Validation;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// The SCIM use cases for Users and Groups (RFC 7644 §3): what the HTTP adapter calls. Every refusal is a
/// <see cref="ScimException"/> thrown before anything is stored. Writes are conditional on the stored version.
/// </summary>
public sealed class ScimResourceService(IScimResourceStore store, IUserAccountStore accounts, TimeProvider clock, ScimServiceLimits? limits = null)
{
    private readonly AdminContinuityGuard adminContinuity = new(accounts);
    private readonly ConditionalUpdater updater = new(store, clock);
    private readonly ScimServiceLimits limits = limits ?? ScimServiceLimits.Default;

    public async Task<ScimResourceResponse> CreateAsync(
        ScimCallContext ctx, ScimResourceType type, JsonObject body, AttributeSelection selection, CancellationToken ct)
    {
        var normalized = ResourceBodyNormalizer.Normalize(type, body);
        EnsureShowable(type, normalized.MemberIds, selection);
        var now = clock.GetUtcNow();
        var record = new ScimResourceRecord(Guid.NewGuid().ToString("N"), type, 1, now, now, normalized.Attributes);
        var result = await store.CreateAsync(ctx.Tenant, record, normalized.MemberIds, ct);
        var stored = StoreOutcomes.EnsureWritten(result, type, record.Id, record.Attributes) ?? record;
        return await PresentAsync(ctx, stored, selection, membershipsMayExist: normalized.MemberIds.Count > 0, ct) with { Change = ProvisioningChange.Created };
    }

    public Task<ScimResourceResponse> GetAsync(
        ScimCallContext ctx, ScimResourceType type, string id, AttributeSelection selection, CancellationToken ct) =>
        GetAsync(ctx, type, id, selection, memberPage: null, ct);

    /// <summary>
    /// RFC 7644 §3.4.1. A group with more members than <see cref="ScimServiceLimits.MaxMembersPerResponse"/> is refused
    /// (400 <c>tooMany</c>) unless its members are excluded or paged (<paramref name="memberPage"/>, see
    /// <see cref="MemberPageRequest"/>); the store then reads only that page.
    /// </summary>
    /// <param name="memberPage">Member paging; ignored for users and when <c>members</c> is not shown.</param>
    public async Task<ScimResourceResponse> GetAsync(
        ScimCallContext ctx, ScimResourceType type, string id, AttributeSelection selection, MemberPageRequest? memberPage, CancellationToken ct)
    {
        var projection = AttributeProjection.For(type, selection, limits.MaxMembersPerResponse);
        var load = projection.LoadOptions;
        var paging = load.IncludeMembers && memberPage is not null ? memberPage.Resolve(limits) : ((int StartIndex, MemberWindow Window)?)null;
        var record = await store.GetAsync(ctx.Tenant, type, id, paging is null ? load : load with { MemberWindow = paging.Value.Window }, ct)
            ?? throw StoreOutcomes.NotFound(type, id);
        var response = ResourcePresenter.Response(ctx, record, projection);
        if (paging is { } page)
        {
            MemberPageRequest.Describe(response.Body, page.StartIndex, record);
        }

        return response;
    }

    /// <returns>The ListResponse body.</returns>
    public Task<JsonObject> ListAsync(ScimCallContext ctx, ScimResourceType type, ScimListRequest request, CancellationToken ct) =>
        ScimListing.ListAsync(store, limits, ctx, type, request, ct);

    /// <summary>
    /// RFC 7644 §3.5.1: replaces every writable attribute (absent ones become unassigned, a group's members included),
    /// keeps <c>id</c> and <c>meta.created</c>, ignores read-only attributes sent back, refuses changed immutables.
    /// </summary>
    public async Task<ScimResourceResponse> ReplaceAsync(
        ScimCallContext ctx, ScimResourceType type, string id, JsonObject body, string? ifMatch, AttributeSelection selection, CancellationToken ct)
    {
        var normalized = ResourceBodyNormalizer.Normalize(type, body);
        EnsureShowable(type, normalized.MemberIds, selection);
        var core = ScimResourceSchemas.CoreSchemaOf(type);
        var otherAdmin = await adminContinuity.OtherActiveAdminExistsAsync(ctx.Tenant, type, id, ct);
        ScimResourceRecord? before = null;
        var record = await updater.UpdateAsync(ctx.Tenant, type, id, ResourceLoadOptions.DocumentOnly, ifMatch, current =>
        {
            before = current;
            AdminContinuityGuard.EnsureAllowed(current, UserAccount.IsActive(normalized.Attributes), otherAdmin);
            ResourceRules.EnsureImmutablesUnchanged([core, .. ScimResourceSchemas.ExtensionsOf(type)], core.Id, current.Attributes, normalized.Attributes);
            var members = type == ScimResourceType.Group ? MembershipChange.Replace(normalized.MemberIds) : null;
            return members is null && JsonNode.DeepEquals(current.Attributes, normalized.Attributes)
                ? null
                : new ResourceEdit(normalized.Attributes.DeepClone().AsObject(), members);
        }, ct);
        return await PresentAsync(ctx, record, selection, membershipsMayExist: true, ct) with { Change = ProvisioningChanges.Of(before!, record) };
    }

    /// <summary>
    /// RFC 7644 §3.5.2. A PATCH that only adds or removes group members by id (no <c>If-Match</c>) is applied as a
    /// membership delta without a version check (<see cref="IScimResourceStore.UpdateMembersAsync"/>): such edits commute,
    /// so hundreds of concurrent ones on one group need no retries. Anything else is a conditional read-modify-write.
    /// The answer is <see cref="ScimPatchResponse"/>: no body for a group unless the client projects one.
    /// </summary>
    public async Task<ScimPatchResponse> PatchAsync(
        ScimCallContext ctx, ScimResourceType type, string id, JsonObject patchRequest, string? ifMatch, AttributeSelection selection, CancellationToken ct)
    {
        var operations = PatchRequestParser.Parse(patchRequest);
        var needsMemberList = GroupMembersPatch.NeedsMemberList(type, operations);
        var bodyWanted = type != ScimResourceType.Group || selection.Attributes is not null || selection.ExcludedAttributes is not null;
        if (bodyWanted && AttributeProjection.For(type, selection).LoadOptions.IncludeMembers)
        {
            await WriteMemberLimit.EnsurePatchedShowableAsync(store, limits, ctx.Tenant, id, operations, ct);
        }

        var (before, record) = ifMatch is null && type == ScimResourceType.Group && !needsMemberList
            ? await PatchMembersOnlyAsync(ctx, id, operations, ct)
            : (null, null);
        if (record is null)
        {
            var otherAdmin = await adminContinuity.OtherActiveAdminExistsAsync(ctx.Tenant, type, id, ct);
            var load = new ResourceLoadOptions(needsMemberList, IncludeGroups: false);
            record = await updater.UpdateAsync(ctx.Tenant, type, id, load, ifMatch, current =>
            {
                before = current;
                var outcome = ResourcePatcher.Apply(type, current, operations);
                AdminContinuityGuard.EnsureAllowed(current, UserAccount.IsActive(outcome.Attributes), otherAdmin);
                return outcome.DocumentChanged || outcome.MembershipChange is not null ? new ResourceEdit(outcome.Attributes, outcome.MembershipChange) : null;
            }, ct);
        }

        var response = bodyWanted
            ? ScimPatchResponse.From(await PresentAsync(ctx, record, selection, membershipsMayExist: true, ct))
            : new ScimPatchResponse(record.Id, EntityTag.Format(record.Version), ScimResourceRenderer.Location(ctx, type, record.Id), null);
        return response with { Change = ProvisioningChanges.Of(before!, record) };
    }

    /// <summary>
    /// With If-Match the delete is conditional on the version checked, so a change that lands in between is never
    /// deleted unseen (412). Without it the delete does not depend on the version (a busy group is still deletable);
    /// the store refuses only the removal of the last active Admin, checked in its transaction. When the store
    /// refuses, the checks run again on what is stored now and give the answer: 404, 412 or 403.
    /// </summary>
    public async Task DeleteAsync(ScimCallContext ctx, ScimResourceType type, string id, string? ifMatch, CancellationToken ct)
    {
        var expected = EntityTag.ParseIfMatch(ifMatch);
        for (var attempt = 1; attempt <= ConditionalUpdater.MaxAttempts; attempt++)
        {
            var otherAdmin = await adminContinuity.OtherActiveAdminExistsAsync(ctx.Tenant, type, id, ct);
            var current = await store.GetAsync(ctx.Tenant, type, id, ResourceLoadOptions.DocumentOnly, ct) ?? throw StoreOutcomes.NotFound(type, id);
            EntityTag.EnsureMatches(expected, current.Version, $"{type} '{id}'");
            AdminContinuityGuard.EnsureAllowed(current, remainsActive: false, otherAdmin);
            if (await store.DeleteAsync(ctx.Tenant, type, id, expected is null ? null : current.Version, ct))
            {
                return;
            }

            await ConditionalUpdater.BackoffAsync(attempt, clock, ct);
        }

        throw new ScimException(409, null, $"{type} '{id}' is being changed by many requests at once; it was not deleted. Retry.");
    }

    /// <summary>RFC 7644 §3.4.3 <c>POST /Users/.search</c>, <c>/Groups/.search</c>: the list the same GET parameters give.</summary>
    /// <returns>The ListResponse body.</returns>
    public Task<JsonObject> SearchAsync(ScimCallContext ctx, ScimResourceType type, JsonObject searchRequest, CancellationToken ct) =>
        ListAsync(ctx, type, SearchRequestParser.Parse(searchRequest), ct);

    /// <summary>RFC 7644 §3.4.3 <c>POST /.search</c>: Users then Groups, as <see cref="RootSearch"/> describes.</summary>
    /// <returns>The ListResponse body.</returns>
    public Task<JsonObject> SearchAllTypesAsync(ScimCallContext ctx, JsonObject searchRequest, CancellationToken ct) =>
        RootSearch.SearchAsync(store, limits, ctx, SearchRequestParser.Parse(searchRequest), ct);

    /// <summary>
    /// The PATCH as a pure membership delta, when it is one: applied to the group read without members, so it is
    /// validated (and refused) exactly as on the conditional path, then stored without a version check.
    /// </summary>
    /// <returns>The group as read and after the write (the same when the PATCH changes nothing); nulls when the PATCH
    /// also names document attributes and must take the conditional path.</returns>
    private async Task<(ScimResourceRecord? Before, ScimResourceRecord? After)> PatchMembersOnlyAsync(
        ScimCallContext ctx, string id, IReadOnlyList<PatchOperation> operations, CancellationToken ct)
    {
        const ScimResourceType group = ScimResourceType.Group;
        var current = await store.GetAsync(ctx.Tenant, group, id, ResourceLoadOptions.DocumentOnly, ct) ?? throw StoreOutcomes.NotFound(group, id);
        var outcome = ResourcePatcher.Apply(group, current, operations);
        if (outcome.TargetsDocument)
        {
            return (null, null);
        }

        if (outcome.MembershipChange is not { } change)
        {
            return (current, current);
        }

        var result = await store.UpdateMembersAsync(ctx.Tenant, id, change, clock.GetUtcNow(), ct);
        return (current, StoreOutcomes.EnsureWritten(result, group, id, outcome.Attributes)
            ?? throw new InvalidOperationException("The store wrote a membership change without returning the group."));
    }

    /// <summary>A POST or PUT whose answer shows members is refused before anything is written when they are too many to show.</summary>
    private void EnsureShowable(ScimResourceType type, IReadOnlyCollection<string> memberIds, AttributeSelection selection)
    {
        if (AttributeProjection.For(type, selection).LoadOptions.IncludeMembers)
        {
            WriteMemberLimit.EnsureShowable(limits, memberIds);
        }
    }

    /// <summary>
    /// Membership edges are read again only when they will be shown and may exist: groups can be huge. The read is bounded
    /// by the member limit too; writes were checked against it before writing, so only members added by concurrent
    /// requests in between can take a group past it, and then the answer leaves members out.
    /// </summary>
    private async Task<ScimResourceResponse> PresentAsync(
        ScimCallContext ctx, ScimResourceRecord record, AttributeSelection selection, bool membershipsMayExist, CancellationToken ct)
    {
        var projection = AttributeProjection.For(record.Type, selection, limits.MaxMembersPerResponse);
        var load = projection.LoadOptions;
        if (membershipsMayExist && (load.IncludeMembers || load.IncludeGroups))
        {
            record = await store.GetAsync(ctx.Tenant, record.Type, record.Id, load, ct) ?? throw StoreOutcomes.NotFound(record.Type, record.Id);
            if (record.MembersOverLimit)
            {
                // The change is stored: an error now would make the client retry it. Answer as excludedAttributes=members would.
                var withoutMembers = AttributeProjection.For(record.Type, selection.WithoutMembers(), limits.MaxMembersPerResponse);
                return ResourcePresenter.Response(ctx, record with { Members = [], Groups = [], MembersOverLimit = false }, withoutMembers);
            }
        }
        else
        {
            record = record with { Members = [], Groups = [] };
        }

        return ResourcePresenter.Response(ctx, record, projection);
    }
}
