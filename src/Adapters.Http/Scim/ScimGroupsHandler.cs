using AutoRfpHex.Adapters.Http.Scim.Generated;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.Scim;

public sealed class ScimGroupsHandler(ScimResourceEndpoints endpoints) : IScimGroupsController
{
    private const ScimResourceType Groups = ScimResourceType.Group;

    public async Task<ActionResult<ListResponse>> ListGroupsAsync(string? filter, int? startIndex, int? count, string? sortBy, SortOrder? sortOrder, string? attributes, string? excludedAttributes, string? cursor, CancellationToken cancellationToken = default) =>
        Wrap<ListResponse>(await endpoints.ListAsync(Groups, filter, startIndex, count, sortBy, sortOrder?.ToString(), attributes, excludedAttributes, cancellationToken));

    public async Task<ActionResult<ListResponse>> SearchGroupsAsync(SearchRequest body, CancellationToken cancellationToken = default) =>
        Wrap<ListResponse>(await endpoints.SearchAsync(Groups, cancellationToken));

    public async Task<ActionResult<Group>> CreateGroupAsync(Group body, CancellationToken cancellationToken = default) =>
        Wrap<Group>(await endpoints.CreateAsync(Groups, cancellationToken));

    public async Task<ActionResult<Group>> GetGroupAsync(string id, string? attributes, string? excludedAttributes, int? membersStartIndex, int? membersCount, string? if_None_Match, CancellationToken cancellationToken = default) =>
        Wrap<Group>(await endpoints.GetAsync(Groups, id, attributes, excludedAttributes, if_None_Match, MemberPageRequest.FromQuery(membersStartIndex, membersCount), cancellationToken));

    public async Task<ActionResult<Group>> ReplaceGroupAsync(string id, string? if_Match, Group body, CancellationToken cancellationToken = default) =>
        Wrap<Group>(await endpoints.ReplaceAsync(Groups, id, if_Match, cancellationToken));

    /// <remarks><c>attributes</c> / <c>excludedAttributes</c> are read from the query by the shared endpoint, as for users.</remarks>
    public async Task<ActionResult<Group>> PatchGroupAsync(string id, string? attributes, string? excludedAttributes, string? if_Match, PatchRequest body, CancellationToken cancellationToken = default) =>
        Wrap<Group>(await endpoints.PatchAsync(Groups, id, if_Match, cancellationToken));

    public Task<IActionResult> DeleteGroupAsync(string id, string? if_Match, CancellationToken cancellationToken = default) =>
        endpoints.DeleteAsync(Groups, id, if_Match, cancellationToken);

    private static ActionResult<T> Wrap<T>(IActionResult result) => new((ActionResult)result);
}
