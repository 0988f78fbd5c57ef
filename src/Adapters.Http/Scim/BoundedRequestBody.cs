using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http.Scim;

/// <summary>
/// A request body that refuses to be read past <paramref name="limit"/> bytes (413 <c>tooLarge</c>, with the bulk
/// detail), whichever server runs the service; the server's own 413 on the way is reported the same way.
/// </summary>
internal sealed class BoundedRequestBody(Stream inner, long limit) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(Guard(() => inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Count(await inner.ReadAsync(buffer, cancellationToken));
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ScimBulkPayloadLimitAttribute.TooLarge(limit);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int bytes)
    {
        read += bytes;
        return read > limit ? throw ScimBulkPayloadLimitAttribute.TooLarge(limit) : bytes;
    }

    private int Guard(Func<int> reading)
    {
        try
        {
            return reading();
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ScimBulkPayloadLimitAttribute.TooLarge(limit);
        }
    }
}
