using AutoRfpHex.Adapters.Http.Scim.Generated;
using AutoRfpHex.Core.Scim.Resources;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.Scim;

public sealed class ScimUsersHandler(ScimResourceEndpoints endpoints) : IScimUsersController
{
    private const ScimResourceType Users = ScimResourceType.User;

    public async Task<ActionResult<ListResponse>> ListUsersAsync(string? filter, int? startIndex, int? count, string? sortBy, SortOrder? sortOrder, string? attributes, string? excludedAttributes, string? cursor, CancellationToken cancellationToken = default) =>
        Wrap<ListResponse>(await endpoints.ListAsync(Users, filter, startIndex, count, sortBy, sortOrder?.ToString(), attributes, excludedAttributes, cancellationToken));

    public async Task<ActionResult<ListResponse>> SearchUsersAsync(SearchRequest body, CancellationToken cancellationToken = default) =>
        Wrap<ListResponse>(await endpoints.SearchAsync(Users, cancellationToken));

    public async Task<ActionResult<User>> CreateUserAsync(User body, CancellationToken cancellationToken = default) =>
        Wrap<User>(await endpoints.CreateAsync(Users, cancellationToken));

    public async Task<ActionResult<User>> GetUserAsync(string id, string? attributes, string? excludedAttributes, string? if_None_Match, CancellationToken cancellationToken = default) =>
        Wrap<User>(await endpoints.GetAsync(Users, id, attributes, excludedAttributes, if_None_Match, memberPage: null, cancellationToken));

    public async Task<ActionResult<User>> ReplaceUserAsync(string id, string? if_Match, User body, CancellationToken cancellationToken = default) =>
        Wrap<User>(await endpoints.ReplaceAsync(Users, id, if_Match, cancellationToken));

    public async Task<ActionResult<User>> PatchUserAsync(string id, string? if_Match, PatchRequest body, CancellationToken cancellationToken = default) =>
        Wrap<User>(await endpoints.PatchAsync(Users, id, if_Match, cancellationToken));

    public Task<IActionResult> DeleteUserAsync(string id, string? if_Match, CancellationToken cancellationToken = default) =>
        endpoints.DeleteAsync(Users, id, if_Match, cancellationToken);

    private static ActionResult<T> Wrap<T>(IActionResult result) => new((ActionResult)result);
}
