using System.Net;

namespace AutoRfpHex.TestHost.Http;

/// <summary>
/// Revocations reach running credentials through a short cache, "within seconds". These helpers poll a request
/// until it answers the expected status, up to a deadline, and return the last response for the assertions.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task<HttpResponseMessage> StatusAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected)
    {
        var giveUp = DateTime.UtcNow + Deadline;
        while (true)
        {
            var response = await send();
            if (response.StatusCode == expected || DateTime.UtcNow >= giveUp)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
